using System.Text.Json.Serialization;

namespace Arbiter.Core.Kpis;

/// <summary>The KPI report's JSON (snake_case), shared by /admin/kpis and `arbiter report`; source-generated, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(KpiReport))]
public sealed partial class KpiJsonContext : JsonSerializerContext;
