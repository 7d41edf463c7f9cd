namespace Arbiter.Core.Chat;

public enum ToolChoiceMode
{
    Auto,
    None,
    Required,
    /// <summary>Call the one function named in <see cref="ToolChoice.FunctionName"/>.</summary>
    Function,
}

/// <summary>Whether and which tool the model must call.</summary>
public sealed record ToolChoice(ToolChoiceMode Mode, string? FunctionName = null)
{
    public static readonly ToolChoice Auto = new(ToolChoiceMode.Auto);
    public static readonly ToolChoice None = new(ToolChoiceMode.None);
    public static readonly ToolChoice Required = new(ToolChoiceMode.Required);
}
