using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Arbiter.Core.Config;

/// <summary>
/// A plain pass over a YAML document's events, no deserialization: finds the first syntax error or duplicate key with
/// its exact position, where the deserializer's own report can be vague or point at the enclosing mapping.
/// </summary>
internal static class YamlEventScan
{
    /// <summary>Where and what the first problem is; null when the document parses and has no duplicate key.</summary>
    public static (Mark At, string Message)? FirstProblem(string yaml)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var parser = new Parser(scanner);
        var open = new Stack<Collection>();
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                if (e is MappingEnd or SequenceEnd) { open.Pop(); continue; }
                if (e is not (Scalar or AnchorAlias or MappingStart or SequenceStart)) continue;
                string? duplicate = null;
                var path = open.TryPeek(out var parent) ? parent.Step(e, out duplicate) : "";
                if (duplicate is not null) return (e.Start, duplicate);
                if (e is MappingStart or SequenceStart) open.Push(new Collection(path, e is MappingStart));
            }
            return null;
        }
        catch (YamlException ex)
        {
            return (ex.Start, ConfigLoader.OneLine(ex.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way (no YamlException) when the input ends inside a flow collection.
            return (scanner.CurrentPosition, "the file ends inside a flow mapping or sequence: close each '{' with '}' and each '[' with ']'");
        }
    }

    /// <summary>An open mapping or sequence: its key path and, for a mapping, the line of each key seen so far.</summary>
    private sealed class Collection(string path, bool isMapping)
    {
        private readonly Dictionary<string, long> keyLines = new(StringComparer.Ordinal);
        private bool atValue;
        private string key = "";
        private int index;

        /// <summary>Accounts for one child node; returns the child's path and, for a repeated key, what to report.</summary>
        public string Step(ParsingEvent child, out string? duplicate)
        {
            duplicate = null;
            if (!isMapping) return $"{path}[{index++}]";
            if (atValue)
            {
                atValue = false;
                return Join(key);
            }
            atValue = true;
            key = child is Scalar s ? s.Value : "?";
            if (child is not Scalar) return Join(key);
            if (keyLines.TryGetValue(key, out var first)) duplicate = $"duplicate key '{Join(key)}' (first written at line {first})";
            else keyLines[key] = child.Start.Line;
            return Join(key);
        }

        private string Join(string name) => path.Length == 0 ? name : $"{path}.{name}";
    }
}
