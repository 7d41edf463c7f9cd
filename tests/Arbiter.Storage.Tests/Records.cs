using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage.Tests;

internal static class Records
{
    public static readonly DateTimeOffset Day1 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static RequestRecord Make(string id, DateTimeOffset at, decimal? cost, string? key = null, string? team = null,
        string model = "gpt-4o", string? route = null, long input = 100, long output = 20, int status = 200) => new()
    {
        RequestId = id,
        StartedAt = at,
        RequestedModel = route ?? model,
        Route = route,
        ServedModel = status == 200 ? model : null,
        Provider = "openai",
        Status = status,
        ErrorKind = status == 200 ? null : ErrorKind.UpstreamError,
        Usage = status == 200 ? new TokenUsage { InputTokens = input, OutputTokens = output, CachedInputTokens = input / 2, ReasoningTokens = output / 2 } : null,
        CostUsd = cost,
        LatencyMs = 12.5,
        TimeToFirstChunkMs = 3.25,
        OverheadMs = 0.4,
        KeyId = key,
        Team = team,
        Attempts = status == 200
            ? [new Attempt("backup", "openai", TimeSpan.FromMilliseconds(5), new ArbiterError(ErrorKind.UpstreamTimeout, "slow")) { Deployment = "eu", Retry = 1 },
               new Attempt(model, "openai", TimeSpan.FromMilliseconds(7), null) { Deployment = "us" }]
            : [new Attempt(model, "openai", TimeSpan.FromMilliseconds(5), new ArbiterError(ErrorKind.UpstreamError, "boom"))],
    };
}
