using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Core.Cascade.Gates;

/// <summary>When JSON was asked for: fails an answer that is not a JSON object, or (json_schema) does not match the schema.</summary>
public sealed class JsonAnswerGate : IQualityGate
{
    public string Name => QualityGates.Json;

    public ValueTask<GateVerdict> CheckAsync(GateInput input, CancellationToken cancellationToken)
    {
        var format = input.Request.ResponseFormat;
        if (format?.Kind is not (ResponseFormatKind.JsonObject or ResponseFormatKind.JsonSchema)) return ValueTask.FromResult(GateVerdict.Pass);
        if (input.Response.Choices is [{ Message.ToolCalls.Count: > 0 }, ..]) return ValueTask.FromResult(GateVerdict.Pass);
        try
        {
            using var doc = JsonDocument.Parse(input.Text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return ValueTask.FromResult(GateVerdict.Fail("JSON is not an object"));
            if (format.Kind == ResponseFormatKind.JsonSchema && format.Schema is { } schema
                && JsonSchemaCheck.FirstViolation(schema, doc.RootElement) is { } violation)
                return ValueTask.FromResult(GateVerdict.Fail("schema: " + violation));
            return ValueTask.FromResult(GateVerdict.Pass);
        }
        catch (JsonException)
        {
            return ValueTask.FromResult(GateVerdict.Fail("invalid JSON"));
        }
    }
}
