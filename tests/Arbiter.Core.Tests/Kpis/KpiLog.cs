using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Kpis;
using Arbiter.Core.RequestLog;

namespace Arbiter.Core.Tests.Kpis;

/// <summary>A known request log for the KPI arithmetic: what each request did is spelled out, so every figure can be worked by hand.</summary>
internal static class KpiLog
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly KpiWindow Hour = new(T0, T0.AddHours(1));

    // USD per million tokens. "big" is the strongest (most expensive) model.
    public static readonly PriceConfig Small = new() { Input = 1m, Output = 2m };
    public static readonly PriceConfig Big = new() { Input = 10m, Output = 30m };

    public static readonly KpiPricing Pricing = new("big", Big,
        new Dictionary<string, string?> { ["small"] = "fast", ["big"] = "deep", ["free"] = null });

    public static Attempt Ok(string model) => new(model, "sim", TimeSpan.FromMilliseconds(10), null);
    public static Attempt Failed(string model) => new(model, "sim", TimeSpan.FromMilliseconds(10), new ArbiterError(ErrorKind.UpstreamError, "503"));
    public static TokenUsage Usage(long input, long output) => new() { InputTokens = input, OutputTokens = output };

    public static RequestRecord Record(string id, int minute, int status = 200, string? served = null, TokenUsage? usage = null,
        decimal? cost = null, double latency = 100, IReadOnlyList<Attempt>? attempts = null, string? task = null) => new()
    {
        RequestId = id,
        StartedAt = T0.AddMinutes(minute),
        RequestedModel = "auto",
        Route = "auto",
        ServedModel = served,
        Status = status,
        Usage = usage,
        CostUsd = cost,
        LatencyMs = latency,
        Attempts = attempts ?? (served is null ? [] : [Ok(served)]),
        TaskType = task,
    };

    /// <summary>
    /// r1 small, plain success. r2 fell back from small to big, streamed. r3 failed on both (no tokens, nothing paid).
    /// r4 a cascade: small's answer was rejected, big's kept; its cost is both steps'. r5 on an unpriced model.
    /// r0 started before the window.
    /// </summary>
    public static List<RequestRecord> Requests() =>
    [
        Record("r0", -1, served: "small", usage: Usage(1000, 1000), cost: 1m),
        Record("r1", 5, served: "small", usage: Usage(1000, 500), cost: 0.002m, latency: 100, task: "summarize"),
        Record("r2", 20, served: "big", usage: Usage(2000, 1000), cost: 0.05m, latency: 300, attempts: [Failed("small"), Ok("big")], task: "summarize")
            with { Stream = true, TimeToFirstChunkMs = 50 },
        Record("r3", 35, status: 502, latency: 200, attempts: [Failed("small"), Failed("big")], task: "summarize")
            with { ErrorKind = ErrorKind.UpstreamError },
        Record("r4", 40, served: "big", usage: Usage(1000, 1000), cost: 0.044m, latency: 400, attempts: [Ok("small"), Ok("big")], task: "code")
            with { Escalations = 1, QualityScore = 0.9 },
        Record("r5", 55, served: "free", usage: Usage(100, 100), cost: null, latency: 50, task: "code"),
    ];

    /// <summary>r1's latest feedback is 0.5 (an older 0.1 is superseded); r4's 0.7 outranks its judge's 0.9.</summary>
    public static List<QualityFeedback> Feedback() =>
    [
        new("r1", 0.1, null, T0.AddMinutes(6)),
        new("r1", 0.5, "better on a second look", T0.AddMinutes(7)),
        new("r4", 0.7, null, T0.AddMinutes(41)),
    ];
}
