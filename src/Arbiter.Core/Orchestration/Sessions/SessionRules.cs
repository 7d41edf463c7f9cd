using System.Text.Json.Nodes;

namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>
/// What a patch must respect: only the document's sections (facts, constraints, decisions) change and stay lists; no
/// operation touches a read-only path (the constraints, by default); and the session's own machine-checkable
/// constraints hold afterwards: <c>{"rule":"forbid","text":"..."}</c> (no added or replaced value mentions the text)
/// and <c>{"rule":"max_items","path":"/decisions","max":n}</c>. Constraints written as plain text guide the models only.
/// </summary>
public sealed class SessionRules(IReadOnlyList<string> readOnlyPaths)
{
    public static readonly IReadOnlyList<string> Sections = ["facts", "constraints", "decisions"];

    /// <summary>A fresh document: the given sections (missing ones empty), or an error when it is not such a document.</summary>
    public static JsonObject? NewDocument(JsonNode? given, out string? error)
    {
        error = null;
        var doc = given is null ? new JsonObject() : given as JsonObject;
        if (doc is null) { error = "the state is a JSON object with facts, constraints and decisions lists"; return null; }
        doc = (JsonObject)doc.DeepClone();
        foreach (var s in Sections) doc[s] ??= new JsonArray();
        return Shape(doc) is { } bad ? Fail(bad, out error) : doc;
    }

    /// <summary>Null when <paramref name="ops"/> may turn <paramref name="before"/> into <paramref name="after"/>; else why not.</summary>
    public string? Check(IReadOnlyList<PatchOperation> ops, JsonNode after)
    {
        foreach (var op in ops)
        {
            var tokens = JsonPatch.Pointer(op.Path);
            if (tokens is not { Count: >= 2 } || !Sections.Contains(tokens[0]))
                return $"{op.Path}: patches change entries of /facts, /constraints or /decisions only";
            foreach (var ro in readOnlyPaths)
                if (op.Path == ro || op.Path.StartsWith(ro + "/", StringComparison.Ordinal)) return $"{op.Path}: {ro} is read-only in this session";
        }
        if (Shape(after) is { } bad) return bad;
        foreach (var c in after["constraints"]!.AsArray())
        {
            if (c is not JsonObject rule) continue;
            var kind = rule["rule"]?.ToString();
            if (kind == "forbid" && rule["text"]?.ToString() is { Length: > 0 } text)
                foreach (var op in ops)
                    if (op.Value is not null && op.Value.ToJsonString().Contains(text, StringComparison.OrdinalIgnoreCase))
                        return $"{op.Path}: the session forbids '{text}'";
            if (kind == "max_items" && rule["path"]?.ToString() is { } path && rule["max"] is JsonValue max && max.TryGetValue<int>(out var limit)
                && JsonPatch.Pointer(path) is [var section] && after[section] is JsonArray list && list.Count > limit)
                return $"{path}: at most {limit} entries in this session";
        }
        return null;
    }

    private static string? Shape(JsonNode doc)
    {
        if (doc is not JsonObject o) return "the state must stay a JSON object";
        foreach (var s in Sections)
            if (o[s] is not JsonArray) return $"/{s} must stay a list";
        return null;
    }

    private static JsonObject? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }
}
