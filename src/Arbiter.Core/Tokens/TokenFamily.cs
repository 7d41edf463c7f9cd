namespace Arbiter.Core.Tokens;

/// <summary>
/// How a model's tokens are counted: an exact tiktoken encoding (<see cref="Factor"/> 1) or, for families whose
/// tokenizer is not public or not bundled, a tiktoken count scaled by a factor measured to over-estimate a little
/// (reservations must not under-reserve).
/// </summary>
/// <param name="Name">The family, for diagnostics: openai-o200k, openai-cl100k, claude, gemini, other.</param>
public readonly record struct TokenFamily(string Name, TokenEncoding Encoding, double Factor)
{
    public bool IsExact => Factor == 1.0;
}
