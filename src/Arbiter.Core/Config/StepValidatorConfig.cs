namespace Arbiter.Core.Config;

/// <summary>What a chain step's answer must satisfy (<c>type</c>: json_schema, regex, judge, non_empty).</summary>
public sealed record StepValidatorConfig
{
    public string Type { get; init; } = "";
    /// <summary>For json_schema: the schema as JSON text.</summary>
    public string? Schema { get; init; }
    /// <summary>For regex: a .NET regular expression the answer must match.</summary>
    public string? Pattern { get; init; }
    /// <summary>For judge: the model that scores the answer from 0 to 1.</summary>
    public string? Judge { get; init; }
    /// <summary>For judge: the lowest passing score. Default 0.7.</summary>
    public double MinScore { get; init; } = ConfigDefaults.ValidatorMinScore;
}
