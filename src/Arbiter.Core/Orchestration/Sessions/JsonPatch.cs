using System.Text.Json;
using System.Text.Json.Nodes;

namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>
/// Applies JSON Patch operations (RFC 6902: add, remove, replace, test; paths are JSON Pointers, <c>-</c> appends) to a
/// copy of a document over System.Text.Json nodes. JsonPatch.Net would be preferred, but its JsonPointer.Net
/// dependency is not on the package source here; this is the subset a state document needs.
/// </summary>
public static class JsonPatch
{
    public static readonly IReadOnlyList<string> Operations = ["add", "remove", "replace", "test"];

    /// <summary>Reads <c>[{"op","path","value"}]</c>; null with a reason when it is not a patch.</summary>
    public static IReadOnlyList<PatchOperation>? Parse(JsonNode? node, out string? error)
    {
        error = null;
        if (node is not JsonArray array) { error = "a patch is a JSON array of operations"; return null; }
        var ops = new List<PatchOperation>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonObject o || o["op"]?.GetValueKind() != JsonValueKind.String || o["path"]?.GetValueKind() != JsonValueKind.String)
            { error = "each operation needs op and path strings"; return null; }
            var op = o["op"]!.GetValue<string>();
            if (!Operations.Contains(op)) { error = $"unknown op '{op}' (known: {string.Join(", ", Operations)})"; return null; }
            if (op != "remove" && !o.ContainsKey("value")) { error = $"op '{op}' needs a value"; return null; }
            ops.Add(new PatchOperation(op, o["path"]!.GetValue<string>(), o["value"]?.DeepClone()));
        }
        return ops;
    }

    public static JsonArray ToJson(IReadOnlyList<PatchOperation> ops) => new(ops.Select(o =>
    {
        var j = new JsonObject { ["op"] = o.Op, ["path"] = o.Path };
        if (o.Op != "remove") j["value"] = o.Value?.DeepClone();
        return (JsonNode)j;
    }).ToArray());

    /// <summary>The patched copy of <paramref name="document"/>, or null with the first failing operation's reason.</summary>
    public static JsonNode? Apply(JsonNode document, IReadOnlyList<PatchOperation> ops, out string? error)
    {
        var root = document.DeepClone();
        error = null;
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            if (ApplyOne(root, op) is { } problem) { error = $"operation {i + 1} ({op.Op} {op.Path}): {problem}"; return null; }
        }
        return root;
    }

    private static string? ApplyOne(JsonNode root, PatchOperation op)
    {
        var tokens = Pointer(op.Path);
        if (tokens is null) return "not a JSON Pointer";
        if (tokens.Count == 0) return "the whole document cannot be patched";
        var parent = root;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            parent = Child(parent, tokens[i]);
            if (parent is null) return "path does not exist";
        }
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                return op.Op switch
                {
                    "add" => Set(obj, last, op.Value),
                    "replace" => obj.ContainsKey(last) ? Set(obj, last, op.Value) : "no such member",
                    "remove" => obj.Remove(last) ? null : "no such member",
                    _ => obj.TryGetPropertyValue(last, out var v) && JsonNode.DeepEquals(v, op.Value) ? null : "test failed",
                };
            case JsonArray arr:
                var append = last == "-";
                if (!append && (!int.TryParse(last, out var index) || index < 0 || index > arr.Count || (op.Op != "add" && index == arr.Count)))
                    return "array index out of range";
                index = append ? arr.Count : int.Parse(last);
                switch (op.Op)
                {
                    case "add": arr.Insert(index, op.Value?.DeepClone()); return null;
                    case "replace": if (append) return "cannot replace '-'"; arr[index] = op.Value?.DeepClone(); return null;
                    case "remove": if (append) return "cannot remove '-'"; arr.RemoveAt(index); return null;
                    default: return !append && JsonNode.DeepEquals(arr[index], op.Value) ? null : "test failed";
                }
            default:
                return "parent is not an object or array";
        }
    }

    private static string? Set(JsonObject obj, string name, JsonNode? value)
    {
        obj[name] = value?.DeepClone();
        return null;
    }

    private static JsonNode? Child(JsonNode node, string token) => node switch
    {
        JsonObject o => o.TryGetPropertyValue(token, out var v) ? v : null,
        JsonArray a => int.TryParse(token, out var i) && i >= 0 && i < a.Count ? a[i] : null,
        _ => null,
    };

    /// <summary>The reference tokens of a JSON Pointer (~1 is '/', ~0 is '~'), or null when it is not one.</summary>
    public static List<string>? Pointer(string path)
    {
        if (path.Length == 0) return [];
        if (path[0] != '/') return null;
        return path[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();
    }
}
