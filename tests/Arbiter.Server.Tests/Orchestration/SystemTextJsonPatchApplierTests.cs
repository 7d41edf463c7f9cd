using System.Text.Json.Nodes;
using Arbiter.Core.Orchestration.Sessions;
using Arbiter.Server.Orchestration;

namespace Arbiter.Server.Tests.Orchestration;

/// <summary>Session patches through the JSON Patch library: RFC 6902 results, failures named, the input never changed.</summary>
public sealed class SystemTextJsonPatchApplierTests
{
    private static readonly SystemTextJsonPatchApplier Applier = new();

    private static IReadOnlyList<PatchOperation> Ops(string patch) => JsonPatch.Parse(JsonNode.Parse(patch), out _)!;

    [Theory]
    [InlineData("""[{"op":"add","path":"/facts/-","value":1},{"op":"test","path":"/facts/1","value":1},{"op":"replace","path":"/facts/1","value":2}]""", """{"facts":["a",2]}""")]
    [InlineData("""[{"op":"add","path":"/facts/0","value":"x"},{"op":"remove","path":"/facts/1"}]""", """{"facts":["x"]}""")]
    [InlineData("""[{"op":"add","path":"/facts/-","value":{"rule":"forbid","text":"x"}}]""", """{"facts":["a",{"rule":"forbid","text":"x"}]}""")]
    [InlineData("""[{"op":"add","path":"/a~1b","value":true}]""", """{"facts":["a"],"a/b":true}""")]
    public void Apply_Operations_ProduceTheExpectedDocument(string patch, string expected)
    {
        var document = JsonNode.Parse("""{"facts":["a"]}""")!;

        var result = Applier.Apply(document, Ops(patch), out var error);

        Assert.Null(error);
        Assert.Equal(expected, result!.ToJsonString());
        Assert.Equal("""{"facts":["a"]}""", document.ToJsonString()); // applied to a copy
    }

    [Theory]
    [InlineData("""[{"op":"test","path":"/facts/0","value":"b"}]""", "operation 1 (test /facts/0): ")]
    [InlineData("""[{"op":"add","path":"/facts/-","value":"b"},{"op":"remove","path":"/facts/5"}]""", "operation 2 (remove /facts/5): ")]
    [InlineData("""[{"op":"replace","path":"/nope","value":1}]""", "operation 1 (replace /nope): ")]
    [InlineData("""[{"op":"add","path":"/missing/x","value":1}]""", "operation 1 (add /missing/x): ")]
    [InlineData("""[{"op":"add","path":"","value":{}}]""", "operation 1 (add ): the whole document cannot be patched")]
    public void Apply_FailingOperation_NoResultAndTheOperationNamed(string patch, string named)
    {
        var document = JsonNode.Parse("""{"facts":["a"]}""")!;

        Assert.Null(Applier.Apply(document, Ops(patch), out var error));
        Assert.StartsWith(named, error);
        Assert.Equal("""{"facts":["a"]}""", document.ToJsonString());
    }
}
