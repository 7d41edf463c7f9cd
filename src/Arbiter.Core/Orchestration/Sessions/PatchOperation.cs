using System.Text.Json.Nodes;

namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>One JSON Patch (RFC 6902) operation: add, remove, replace or test, at a JSON Pointer path.</summary>
public sealed record PatchOperation(string Op, string Path, JsonNode? Value);
