using Arbiter.Core.Providers;

namespace Arbiter.Core.Tokens;

/// <summary>
/// Picks the <see cref="TokenFamily"/> of a model from its provider's model id and wire protocol.
/// OpenAI models are exact (o200k_base for gpt-4o, gpt-4.1, gpt-5, o1/o3/o4; cl100k_base for gpt-4, gpt-3.5).
/// The others are approximations, documented in docs/accounting.md:
/// Claude (Anthropic's tokenizer is not public; it yields more tokens than cl100k on English and code): cl100k x 1.2.
/// Gemini (SentencePiece, 256k vocabulary, close to o200k on English): o200k x 1.1.
/// Anything else (Llama, Mistral, DeepSeek, Qwen ... vocabularies of 32k-150k): cl100k x 1.15.
/// </summary>
public static class TokenFamilies
{
    public static readonly TokenFamily OpenAIO200k = new("openai-o200k", TokenEncoding.O200kBase, 1.0);
    public static readonly TokenFamily OpenAICl100k = new("openai-cl100k", TokenEncoding.Cl100kBase, 1.0);
    public static readonly TokenFamily Claude = new("claude", TokenEncoding.Cl100kBase, 1.2);
    public static readonly TokenFamily Gemini = new("gemini", TokenEncoding.O200kBase, 1.1);
    public static readonly TokenFamily Other = new("other", TokenEncoding.Cl100kBase, 1.15);

    public static TokenFamily Of(string upstreamModel, string providerType)
    {
        // A model id may carry a vendor prefix (openai/gpt-4o on OpenRouter, models/gemini-2.5-pro on Gemini).
        var id = upstreamModel.AsSpan();
        var slash = id.LastIndexOf('/');
        if (slash >= 0) id = id[(slash + 1)..];

        if (id.StartsWith("claude", StringComparison.OrdinalIgnoreCase)) return Claude;
        if (id.StartsWith("gemini", StringComparison.OrdinalIgnoreCase) || id.StartsWith("gemma", StringComparison.OrdinalIgnoreCase)) return Gemini;
        if (IsO200k(id)) return OpenAIO200k;
        if (id.StartsWith("gpt-4", StringComparison.OrdinalIgnoreCase) || id.StartsWith("gpt-3.5", StringComparison.OrdinalIgnoreCase)
            || id.StartsWith("text-embedding", StringComparison.OrdinalIgnoreCase)) return OpenAICl100k;
        return providerType switch
        {
            ProviderTypes.Anthropic => Claude,
            ProviderTypes.Gemini => Gemini,
            // The simulator stands in for OpenAI-like models; exact o200k keeps its figures realistic.
            ProviderTypes.Simulated => OpenAIO200k,
            _ => Other,
        };
    }

    private static bool IsO200k(ReadOnlySpan<char> id) =>
        id.StartsWith("gpt-4o", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("gpt-4.1", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("gpt-4.5", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("gpt-5", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("gpt-oss", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("chatgpt-4o", StringComparison.OrdinalIgnoreCase)
        || (id.Length >= 2 && (id[0] == 'o' || id[0] == 'O') && char.IsAsciiDigit(id[1]));
}
