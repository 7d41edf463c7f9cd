namespace Arbiter.Core.Config;

/// <summary>One step of a chain: who answers, what it is asked, and what its answer must satisfy.</summary>
public sealed record ChainStepConfig
{
    /// <summary>How later steps refer to this one: <c>{{steps.NAME.output}}</c>.</summary>
    public string Name { get; init; } = "";
    /// <summary>A configured model or route (one of model and route).</summary>
    public string? Model { get; init; }
    public string? Route { get; init; }
    /// <summary>The user message; <c>{{input}}</c> and <c>{{steps.NAME.output}}</c> are replaced.</summary>
    public string Prompt { get; init; } = "";
    /// <summary>An optional system message (same placeholders).</summary>
    public string? System { get; init; }
    /// <summary>A JSON schema (as JSON text) the answer is asked to follow (response_format json_schema).</summary>
    public string? ResponseSchema { get; init; }
    public int? MaxTokens { get; init; }
    public StepValidatorConfig? Validate { get; init; }
    /// <summary>Models to retry on, in order, when the answer fails validation; default: the next stronger tier.</summary>
    public List<string>? EscalateTo { get; init; }
}
