namespace Arbiter.Core.Privacy;

/// <summary>One finding: its kind and where it is in the text.</summary>
public readonly record struct SensitiveMatch(string Kind, int Start, int Length)
{
    public int End => Start + Length;
}
