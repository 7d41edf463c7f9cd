namespace Arbiter.Core.Config;

/// <summary>Every configuration default in one place.</summary>
public static class ConfigDefaults
{
    public const int Port = 4000;
    /// <summary>20 MiB: room for a few inline images.</summary>
    public const long MaxBodyBytes = 20L * 1024 * 1024;
    public const double UpstreamTimeoutSeconds = 600;
    public const bool InlineIo = true;
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

    // Observability (docs/observability.md)
    public const bool PrometheusEnabled = true;
    public const string OtlpProtocol = "grpc";
    public const string ServiceName = "arbiter";
    public const double DriftIntervalSeconds = 60;
    public const double DriftWindowMinutes = 60;
    public const double DriftBaselineMinutes = 24 * 60;
    public const int DriftMinRequests = 20;
    public const double DriftQualityDrop = 0.05;
    public const double DriftLatencyIncrease = 0.5;
    public const double DriftFallbackIncrease = 0.05;
}
