using System.Text.Json;
using System.Text.Json.Nodes;
using Arbiter.Core.Orchestration.Sessions;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson.Exceptions;

namespace Arbiter.Server.Orchestration;

/// <summary>
/// Session patches applied by Microsoft.AspNetCore.JsonPatch.SystemTextJson (its JsonObject adapter) on a deep copy,
/// so a patch that fails half-way leaves nothing behind. The operations were read and checked by
/// <see cref="JsonPatch.Parse"/>; the session rules are checked on the result.
/// </summary>
public sealed class SystemTextJsonPatchApplier : IPatchApplier
{
    public string Name => "system_text_json";

    public JsonNode? Apply(JsonNode document, IReadOnlyList<PatchOperation> ops, out string? error)
    {
        error = null;
        if (document is not JsonObject) { error = "the state document is not a JSON object"; return null; }
        for (var i = 0; i < ops.Count; i++)
            if (ops[i].Path is "" or "/") { error = $"operation {i + 1} ({ops[i].Op} {ops[i].Path}): the whole document cannot be patched"; return null; }
        var copy = document.DeepClone().AsObject();
        try
        {
            var patch = JsonSerializer.Deserialize<JsonPatchDocument>(JsonPatch.ToJson(ops).ToJsonString())!;
            string? first = null;
            patch.ApplyTo(copy, e => first ??= $"operation {patch.Operations.IndexOf(e.Operation) + 1} ({e.Operation?.op} {e.Operation?.path}): {e.ErrorMessage}");
            error = first;
        }
        catch (Exception ex) when (ex is JsonPatchException or JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            error = ex.Message;
        }
        return error is null ? copy : null;
    }
}
