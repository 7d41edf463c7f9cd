using System.Globalization;
using System.Text.Json.Nodes;

namespace Arbiter.Storage.Tests.Kpis;

/// <summary>
/// Compares two JSON documents value by value, numbers by value (0.096 equals 0.096000000: SQL reads money back at
/// nano-dollar scale); doubles within a relative 1e-12 (a sum of quality scores depends on the order it is added in).
/// </summary>
internal static class JsonNumbers
{
    public static void AssertSame(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                return;
            case JsonObject o:
                var a = Assert.IsType<JsonObject>(actual);
                Assert.Equal(o.Select(p => p.Key).Order(StringComparer.Ordinal), a.Select(p => p.Key).Order(StringComparer.Ordinal));
                foreach (var (key, value) in o) AssertSame(value, a[key], $"{path}.{key}");
                return;
            case JsonArray arr:
                var b = Assert.IsType<JsonArray>(actual);
                Assert.True(arr.Count == b.Count, $"{path}: {arr.Count} items expected, got {b.Count}");
                for (var i = 0; i < arr.Count; i++) AssertSame(arr[i], b[i], $"{path}[{i}]");
                return;
        }
        var e = expected.AsValue();
        Assert.True(actual is JsonValue, $"{path}: expected {e.ToJsonString()}, got {actual?.ToJsonString()}");
        var v = actual!.AsValue();
        if (e.GetValueKind() == System.Text.Json.JsonValueKind.Number && v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            var x = decimal.Parse(e.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            var y = decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            if (x == y) return;
            var dx = (double)x;
            Assert.True(Math.Abs(dx - (double)y) <= 1e-12 * Math.Max(1, Math.Abs(dx)), $"{path}: expected {x}, got {y}");
            return;
        }
        Assert.True(e.ToJsonString() == v.ToJsonString(), $"{path}: expected {e.ToJsonString()}, got {v.ToJsonString()}");
    }
}
