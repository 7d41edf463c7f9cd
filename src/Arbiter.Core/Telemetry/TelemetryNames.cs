using Arbiter.Core.Providers;

namespace Arbiter.Core.Telemetry;

/// <summary>
/// Every span, attribute and metric name Arbiter emits, in one place. The gen_ai.* ones follow the OpenTelemetry
/// semantic conventions for generative AI; the arbiter.* ones are the gateway's own (docs/observability.md).
/// </summary>
public static class TelemetryNames
{
    /// <summary>The ActivitySource and the Meter.</summary>
    public const string SourceName = "Arbiter";

    public static class GenAi
    {
        public const string OperationName = "gen_ai.operation.name";
        public const string ProviderName = "gen_ai.provider.name";
        public const string RequestModel = "gen_ai.request.model";
        public const string RequestStream = "gen_ai.request.stream";
        public const string ResponseModel = "gen_ai.response.model";
        public const string ResponseId = "gen_ai.response.id";
        public const string ResponseFinishReasons = "gen_ai.response.finish_reasons";
        public const string ResponseTimeToFirstChunk = "gen_ai.response.time_to_first_chunk";
        public const string UsageInputTokens = "gen_ai.usage.input_tokens";
        public const string UsageOutputTokens = "gen_ai.usage.output_tokens";
        public const string UsageCacheReadInputTokens = "gen_ai.usage.cache_read.input_tokens";
        public const string UsageCacheCreationInputTokens = "gen_ai.usage.cache_creation.input_tokens";
        public const string TokenType = "gen_ai.token.type";
        public const string TokenTypeInput = "input";
        public const string TokenTypeOutput = "output";
        public const string OperationChat = "chat";

        public const string TokenUsageMetric = "gen_ai.client.token.usage";
        public const string OperationDurationMetric = "gen_ai.client.operation.duration";
        public const string TimeToFirstChunkMetric = "gen_ai.client.operation.time_to_first_chunk";
    }

    public const string ErrorType = "error.type";

    public static class Arbiter
    {
        public const string RequestId = "arbiter.request.id";
        public const string Route = "arbiter.route";
        public const string Decision = "arbiter.decision";
        public const string Model = "arbiter.model";
        public const string Provider = "arbiter.provider";
        public const string Tier = "arbiter.tier";
        public const string Task = "arbiter.task";
        public const string CostUsd = "arbiter.cost_usd";
        public const string Unpriced = "arbiter.unpriced";
        public const string Attempts = "arbiter.attempts";
        public const string Escalations = "arbiter.escalations";
        public const string Outcome = "arbiter.outcome";
        public const string DriftDimension = "arbiter.drift.dimension";
        public const string DriftKey = "arbiter.drift.key";
        public const string DriftMetric = "arbiter.drift.metric";

        public const string RequestsMetric = "arbiter.requests";
        public const string RequestDurationMetric = "arbiter.request.duration";
        public const string OverheadMetric = "arbiter.request.overhead";
        public const string CostMetric = "arbiter.cost.usd";
        public const string UnpricedMetric = "arbiter.requests.unpriced";
        public const string FallbacksMetric = "arbiter.fallbacks";
        public const string EscalationsMetric = "arbiter.cascade.escalations";
        public const string RoutingDecisionsMetric = "arbiter.routing.decisions";
        public const string DriftAlertsMetric = "arbiter.drift.alerts";
    }

    public static class Units
    {
        public const string Seconds = "s";
        public const string Tokens = "{token}";
        /// <summary>An annotation (not a UCUM unit): the currency is in the metric name, arbiter.cost.usd.</summary>
        public const string Usd = "{USD}";
        public const string Requests = "{request}";
        public const string Fallbacks = "{fallback}";
        public const string Escalations = "{escalation}";
        public const string Decisions = "{decision}";
        public const string Alerts = "{alert}";
    }

    public const string OutcomeSuccess = "success";
    public const string OutcomeError = "error";

    /// <summary>Explicit bucket boundaries the semantic conventions give for gen_ai.client.token.usage.</summary>
    public static readonly IReadOnlyList<long> TokenBuckets =
        [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];

    /// <summary>Explicit bucket boundaries (seconds) the semantic conventions give for gen_ai.client.operation.duration.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets =
        [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    /// <summary>Gateway overhead is sub-millisecond to a few milliseconds: finer buckets than an upstream call's.</summary>
    public static readonly IReadOnlyList<double> OverheadBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25];

    /// <summary>gen_ai.provider.name's well-known value for a provider type (OpenAI-compatible servers report openai).</summary>
    public static string ProviderNameOf(string providerType) => providerType switch
    {
        ProviderTypes.OpenAI => "openai",
        ProviderTypes.Anthropic => "anthropic",
        ProviderTypes.Gemini => "gcp.gemini",
        ProviderTypes.Simulated => "arbiter.simulated",
        _ => providerType,
    };
}
