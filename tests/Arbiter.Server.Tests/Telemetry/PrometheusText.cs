using System.Globalization;
using System.Text.RegularExpressions;

namespace Arbiter.Server.Tests.Telemetry;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4): every line must be a comment (# HELP / # TYPE)
/// or a sample "name{label="value",...} number [timestamp]"; anything else throws.
/// </summary>
public sealed partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public List<Sample> Samples { get; } = [];
    public Dictionary<string, string> Types { get; } = new(StringComparer.Ordinal);

    public static PrometheusText Parse(string text)
    {
        var parsed = new PrometheusText();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                if (parts.Length != 4 || parts[3] is not ("counter" or "gauge" or "histogram" or "summary" or "untyped"))
                    throw new FormatException($"bad TYPE line: {line}");
                parsed.Types[parts[2]] = parts[3];
                continue;
            }
            if (line.StartsWith('#')) continue; // HELP, EOF and other comments
            var m = SampleLine().Match(line);
            if (!m.Success) throw new FormatException($"not a sample line: {line}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match l in Label().Matches(m.Groups["labels"].Value)) labels[l.Groups[1].Value] = l.Groups[2].Value.Replace("\\\"", "\"").Replace("\\\\", "\\");
            var value = m.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            parsed.Samples.Add(new Sample(m.Groups["name"].Value, labels, value));
        }
        return parsed;
    }

    public IEnumerable<Sample> Named(string name, params (string Key, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value));

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*)\})? (?<value>[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|[-+]Inf|NaN)( -?\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(""""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"""")]
    private static partial Regex Label();
}
