namespace Arbiter.Core.Orchestration.Chains;

/// <summary>The names of the chain step validators, as written under <c>chains.NAME.steps[i].validate.type</c>.</summary>
public static class StepValidators
{
    public const string JsonSchema = "json_schema";
    public const string Regex = "regex";
    public const string Judge = "judge";
    public const string NonEmpty = "non_empty";

    public static readonly IReadOnlyList<string> Known = [JsonSchema, Regex, Judge, NonEmpty];
}
