using System.Collections.Concurrent;
using System.Text.Json;
using Arbiter.Core.Cascade.Gates;

namespace Arbiter.Core.Orchestration.Chains;

/// <summary>The output must be JSON matching the configured schema (checked by the routing engine's <see cref="JsonSchemaCheck"/>).</summary>
public sealed class JsonSchemaStepValidator : IStepValidator
{
    private readonly ConcurrentDictionary<string, JsonElement> _schemas = new(StringComparer.Ordinal);

    public string Name => StepValidators.JsonSchema;

    public ValueTask<StepVerdict> ValidateAsync(StepCheck check, CancellationToken cancellationToken)
    {
        var schema = _schemas.GetOrAdd(check.Config.Schema!, static s => JsonDocument.Parse(s).RootElement.Clone());
        try
        {
            using var doc = JsonDocument.Parse(check.Answer.Text);
            return ValueTask.FromResult(JsonSchemaCheck.FirstViolation(schema, doc.RootElement) is { } violation
                ? StepVerdict.Fail("schema: " + violation)
                : StepVerdict.Pass("matches the schema"));
        }
        catch (JsonException)
        {
            return ValueTask.FromResult(StepVerdict.Fail("not valid JSON"));
        }
    }
}
