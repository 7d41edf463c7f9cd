using Arbiter.Core.Config;

namespace Arbiter.Core.Telemetry;

/// <summary>A configured model as telemetry names it: gen_ai.provider.name, the upstream model id, the tier.</summary>
public sealed record ModelTelemetryInfo(string ProviderName, string UpstreamModel, string? Tier)
{
    public static IReadOnlyDictionary<string, ModelTelemetryInfo> From(ArbiterConfig config) =>
        config.Models.ToDictionary(m => m.Key, m => new ModelTelemetryInfo(
                TelemetryNames.ProviderNameOf(config.Providers.TryGetValue(m.Value.Provider, out var p) ? p.Type : m.Value.Provider),
                m.Value.Model ?? m.Key, m.Value.Tier),
            StringComparer.Ordinal);
}
