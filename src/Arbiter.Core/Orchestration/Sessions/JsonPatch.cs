using System.Text.Json;
using System.Text.Json.Nodes;

namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>
/// JSON Patch operations (RFC 6902) as sessions take them: read from a request or a model's answer (add, remove,
/// replace, test; paths are JSON Pointers, <c>-</c> appends), written back, and their pointers split for the session
/// rules. Applying them is <see cref="IPatchApplier"/>'s (a library's, in the host).
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

    /// <summary>The reference tokens of a JSON Pointer (~1 is '/', ~0 is '~'), or null when it is not one.</summary>
    public static List<string>? Pointer(string path)
    {
        if (path.Length == 0) return [];
        if (path[0] != '/') return null;
        return path[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();
    }
}
