using System.Text.Json.Serialization;
using Arbiter.Core.Keys;

namespace Arbiter.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KeyLimits))]
internal sealed partial class LimitsJsonContext : JsonSerializerContext;
