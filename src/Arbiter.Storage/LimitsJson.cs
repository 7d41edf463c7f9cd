using System.Text.Json;
using Arbiter.Core.Keys;

namespace Arbiter.Storage;

/// <summary>A key's or team's limits as one JSON column (snake_case): new limits need no migration.</summary>
internal static class LimitsJson
{
    public static string Write(KeyLimits limits) => JsonSerializer.Serialize(limits, LimitsJsonContext.Default.KeyLimits);

    public static KeyLimits Read(string json) => JsonSerializer.Deserialize(json, LimitsJsonContext.Default.KeyLimits) ?? KeyLimits.None;
}
