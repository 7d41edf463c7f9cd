using System.Text.Json.Nodes;

namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>
/// Applies a JSON Patch (RFC 6902) to a copy of a session's state document. The implementation is a library's
/// (Microsoft.AspNetCore.JsonPatch.SystemTextJson, which needs the ASP.NET shared framework), so it lives in the host
/// and Core only names the seam.
/// </summary>
public interface IPatchApplier
{
    string Name { get; }

    /// <summary>The patched copy of <paramref name="document"/> (which is left as it was), or null with the first failing operation's reason.</summary>
    JsonNode? Apply(JsonNode document, IReadOnlyList<PatchOperation> ops, out string? error);
}
