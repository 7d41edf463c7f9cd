using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Kpis;
using Arbiter.Core.Orchestration;
using Arbiter.Core.Orchestration.Calls;
using Arbiter.Core.RequestLog;
using Arbiter.Core.Tests.Kpis;

namespace Arbiter.Storage.Tests.Kpis;

/// <summary>
/// A seeded, varied log (failures, fallbacks, retries of one deployment, cascades, cached and long-context tokens,
/// streams, keys, tasks, judge scores and feedback, models working together: modes, disagreement, escalation and
/// fan-out cost) for checking the SQL KPIs against the in-memory ones.
/// Times are whole milliseconds, as the SQL log keeps them.
/// </summary>
internal static class RandomLog
{
    public static readonly KpiWindow Window = new(KpiLog.T0, KpiLog.T0.AddHours(6));

    /// <summary>"big" is the strongest and bills prompts above 5,000 tokens at long-context rates.</summary>
    public static readonly KpiPricing Pricing = new("big",
        KpiLog.Big with { CachedInput = 2.5m, LongContext = new LongContextPriceConfig { AboveInputTokens = 5000, Input = 20m, Output = 45m } },
        new Dictionary<string, string?> { ["small"] = "fast", ["big"] = "deep", ["free"] = null });

    private static readonly string[] Models = ["small", "big", "free"];
    private static readonly string?[] Tasks = ["summarize", "code", "chat", null];
    private static readonly string?[] Keys = ["key_a", "key_b", null];

    public static (List<RequestRecord> Records, List<QualityFeedback> Feedback) Make(int count, int seed)
    {
        var random = new Random(seed);
        var records = new List<RequestRecord>(count);
        var feedback = new List<QualityFeedback>();
        for (var i = 0; i < count; i++)
        {
            // Some before and after the window, to check its edges.
            var at = Window.From.AddMilliseconds(random.NextInt64(-600_000, (long)Window.Length.TotalMilliseconds + 600_000));
            var served = Models[random.Next(Models.Length)];
            var failed = random.Next(10) == 0;
            var attempts = Attempts(random, served, failed);
            var stream = random.Next(3) == 0;
            var input = random.Next(4) == 0 ? random.Next(5001, 9000) : random.Next(10, 3000);
            TokenUsage? usage = failed && random.Next(2) == 0 ? null : new TokenUsage
            {
                InputTokens = input,
                CachedInputTokens = random.Next(3) == 0 ? random.Next(0, input / 2) : 0,
                CacheWriteTokens = random.Next(5) == 0 ? random.Next(0, input / 4) : 0,
                OutputTokens = random.Next(1, 2000),
            };
            var record = new RequestRecord
            {
                RequestId = "q" + i,
                StartedAt = at,
                RequestedModel = random.Next(2) == 0 ? "auto" : served,
                Route = random.Next(3) == 0 ? null : "auto",
                ServedModel = failed ? null : served,
                Provider = "sim",
                Stream = stream,
                Status = failed ? 502 : 200,
                ErrorKind = failed ? ErrorKind.UpstreamError : null,
                Usage = usage,
                CostUsd = served == "free" || usage is null ? null : Math.Round((decimal)random.NextDouble() / 100, 9),
                LatencyMs = random.Next(20, 400) * 5, // coarse, so percentiles meet ties
                TimeToFirstChunkMs = stream && !failed ? random.Next(1, 80) * 5 : null,
                Attempts = attempts,
                TaskType = Tasks[random.Next(Tasks.Length)],
                KeyId = Keys[random.Next(Keys.Length)],
                Escalations = random.Next(6) == 0 ? random.Next(1, 3) : null,
                QualityScore = random.Next(4) == 0 ? random.Next(0, 101) / 100.0 : null,
            };
            if (random.Next(4) == 0) record = WithOrchestration(record, random);
            records.Add(record);
            for (var n = random.Next(4) == 0 ? random.Next(1, 4) : 0; n > 0; n--)
                feedback.Add(new QualityFeedback(record.RequestId, random.Next(0, 101) / 100.0, null, at.AddMilliseconds(random.Next(1, 3_600_000))));
        }
        return (records, feedback);
    }

    private static readonly string[] Modes = ["ensemble", "chain", "orchestrate", "session"];

    private static RequestRecord WithOrchestration(RequestRecord r, Random random)
    {
        var mode = Modes[random.Next(Modes.Length)];
        double? disagreement = mode == "ensemble" && random.Next(4) > 0 ? random.Next(0, 101) / 100.0 : null;
        var trace = new OrchestrationTrace(mode, "n" + random.Next(3))
        {
            Strategy = "s",
            Disagreement = disagreement,
            DisagreementAboveThreshold = disagreement > 0.5,
            Escalated = random.Next(3) == 0,
            FanOutCostUsd = random.Next(5) == 0 ? null : Math.Round((decimal)random.NextDouble() / 1000, 9),
            Calls = [new CallRecord("member 1", "small", null, 0.001m, 12.5, 10, 5) { Note = "chosen" }],
            DetailsJson = "{}",
        };
        return r with { Mode = mode, Disagreement = disagreement, Escalated = trace.Escalated, FanOutCostUsd = trace.FanOutCostUsd, Orchestration = trace };
    }

    private static List<Attempt> Attempts(Random random, string served, bool failed)
    {
        var fail = new Attempt("small", "sim", TimeSpan.FromMilliseconds(7), new ArbiterError(ErrorKind.UpstreamError, "503"));
        var judgeFailed = fail with { Model = "judge", Purpose = AttemptPurposes.Judge };
        var list = random.Next(8) switch
        {
            0 => new List<Attempt> { fail, new(served, "sim", TimeSpan.FromMilliseconds(9), null) }, // fell back (unless served is small: a retry)
            1 => [fail with { Deployment = "east" }, new("small", "sim", TimeSpan.FromMilliseconds(9), null) { Deployment = "west" }], // another deployment
            2 => [fail, fail with { Retry = 1 }, new("small", "sim", TimeSpan.FromMilliseconds(9), null) { Retry = 2 }], // retries of one deployment
            3 => [new("small", "sim", TimeSpan.FromMilliseconds(8), null), new("big", "sim", TimeSpan.FromMilliseconds(9), null)], // a cascade's rejected stage
            // A judge call that failed, then the next stage (another gate rejected): not a fallback.
            4 => [new("small", "sim", TimeSpan.FromMilliseconds(8), null), judgeFailed, new("big", "sim", TimeSpan.FromMilliseconds(9), null)],
            // A judge call that fell back to the judge's other deployment: a fallback.
            5 => [new("small", "sim", TimeSpan.FromMilliseconds(8), null), judgeFailed with { Deployment = "east" },
                new("judge", "sim", TimeSpan.FromMilliseconds(3), null) { Deployment = "west", Purpose = AttemptPurposes.Judge }],
            _ => [new(served, "sim", TimeSpan.FromMilliseconds(9), null)],
        };
        if (failed) list[^1] = list[^1] with { Error = new ArbiterError(ErrorKind.UpstreamError, "503") };
        return list;
    }
}
