namespace Arbiter.Core.Config;

/// <summary>Every configuration default in one place.</summary>
public static class ConfigDefaults
{
    public const int Port = 4000;
    /// <summary>20 MiB: room for a few inline images.</summary>
    public const long MaxBodyBytes = 20L * 1024 * 1024;
    public const double UpstreamTimeoutSeconds = 600;
    public const bool InlineIo = true;
    /// <summary>How long the I/O core is kept awake after a lone request's activity, on one CPU (see <see cref="ServerConfig.IdleSpinMicroseconds"/>).</summary>
    public const int IdleSpinMicroseconds = 200;
    /// <summary>How often the C allocator's free memory goes back to the system (see <see cref="ServerConfig.NativeMemoryTrimSeconds"/>).</summary>
    public const double NativeMemoryTrimSeconds = 2;
    public const string AnthropicVersion = "2023-06-01";
    /// <summary>Anthropic requires max_tokens; used when the client sets none.</summary>
    public const int AnthropicDefaultMaxTokens = 4096;
    public const string AzureApiVersion = "2024-10-21";
    public const string StorageType = StorageTypes.Sqlite;
    /// <summary>Relative to the working directory of <c>arbiter serve</c>.</summary>
    public const string SqlitePath = "data/arbiter.db";
    public const int RetentionDays = 90;
    public const double KeyRefreshSeconds = 30;
    /// <summary>Output tokens a budget reservation assumes when the request sets no max_tokens.</summary>
    public const int ReservedOutputTokens = 1024;

    // Models working together (docs/orchestration.md)
    public const string EnsembleMode = "vote";
    public const string EnsembleComparison = "auto";
    public const double EnsembleThreshold = 0.5;
    public const double ValidatorMinScore = 0.7;
    public const int OrchestratorMaxSubtasks = 4;
    public const int OrchestratorMaxAttempts = 3;
    /// <summary>A sub-task no model got past the orchestrator's check fails the request (never a silently partial answer).</summary>
    public const string OrchestratorOnIncomplete = "fail";
    public const int SessionMaxConflictRetries = 3;
    /// <summary>Output tokens assumed for a call without max_tokens when estimating a fan-out call's cost.</summary>
    public const int FanOutEstimatedOutputTokens = 512;
    // Resilience (resilience: section); the reasons for each value are in docs/reliability.md.
    public const string LoadBalancing = "weighted";
    public const double DeploymentWeight = 1;
    public const double RetryBaseDelayMs = 250;
    public const double RetryMaxDelayMs = 5000;
    public const double RetryMaxRetryAfterSeconds = 10;
    /// <summary>Retries on the same deployment per error class; other deployments and fallbacks come after.</summary>
    public static readonly IReadOnlyDictionary<string, int> RetriesPerErrorClass = new Dictionary<string, int>
    {
        ["rate_limited"] = 1,
        ["upstream_error"] = 1,
        ["upstream_unavailable"] = 1,
        ["upstream_timeout"] = 0, // a timeout already cost its whole wait: move on
        ["upstream_auth"] = 0,    // our key will not get better by asking again
    };
    public const double ConnectTimeoutSeconds = 10;
    public const double FirstByteTimeoutSeconds = 120;
    public const double StreamIdleTimeoutSeconds = 120;
    public const double TotalTimeoutSeconds = 600;
    public const double BreakerFailureRatio = 0.5;
    public const int BreakerMinimumThroughput = 4;
    public const double BreakerSamplingSeconds = 30;
    public const double BreakerBreakSeconds = 30;
    public const int HedgingMaxHedged = 1;

    // Routing engine
    public const double TierCostPriority = 1.0;
    public const double ShadowShare = 0.1;
    public const double JudgeMinScore = 0.6;
    public const double ScorerMinScore = 0.5;
    /// <summary>Samples a model needs before its observed p95 latency counts; until then it is taken as meeting the target.</summary>
    public const int LatencyMinSamples = 10;
    /// <summary>How many recent calls per model the p95 is computed over.</summary>
    public const int LatencyWindow = 200;
    /// <summary>
    /// A rule's regex gives up (no match) after this long. The timeout is wall time, so it is generous: a busy machine
    /// must not turn an ordinary match into a miss; it only stops a pattern that backtracks without end.
    /// </summary>
    public static readonly TimeSpan RuleRegexTimeout = TimeSpan.FromMilliseconds(200);
    public const string QualityDefaultTask = "default";
    // Observability (docs/observability.md)
    public const bool PrometheusEnabled = true;
    /// <summary>/metrics open to scrapers (the gateway listens on 127.0.0.1); <c>observability.metrics.require_key</c> closes it.</summary>
    public const bool MetricsRequireKey = false;
    public const string OtlpProtocol = "grpc";
    public const string ServiceName = "arbiter";
    public const double DriftIntervalSeconds = 300;
    public const double DriftWindowMinutes = 60;
    public const double DriftBaselineMinutes = 24 * 60;
    public const int DriftMinRequests = 20;
    public const double DriftQualityDrop = 0.05;
    public const double DriftLatencyIncrease = 0.5;
    public const double DriftFallbackIncrease = 0.05;
    /// <summary>Strategy <c>learned</c>: utility (probability units) within which the stronger model wins.</summary>
    public const double LearnedMargin = 0.02;
    /// <summary>How long the request log lets records gather between writes to a SQL store (per-batch cost dominates).</summary>
    public const int RequestLogBatchIntervalMs = 50;
}
