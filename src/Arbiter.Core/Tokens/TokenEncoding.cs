namespace Arbiter.Core.Tokens;

/// <summary>The tiktoken encodings bundled with Arbiter (Microsoft.ML.Tokenizers data packages).</summary>
public enum TokenEncoding
{
    /// <summary>gpt-4o, gpt-4.1, gpt-5, o-series.</summary>
    O200kBase,
    /// <summary>gpt-4, gpt-3.5-turbo, text-embedding-3.</summary>
    Cl100kBase,
}
