namespace Arbiter.Learning.Training;

/// <summary>ML.NET input row: a prompt's distinctive text and its task (empty when unknown).</summary>
public sealed class PromptRow
{
    public string Text { get; set; } = "";
    public string EvalName { get; set; } = "";
}
