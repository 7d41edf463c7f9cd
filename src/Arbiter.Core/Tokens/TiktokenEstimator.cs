using Arbiter.Core.Chat;
using Arbiter.Core.Models;
using Microsoft.ML.Tokenizers;

namespace Arbiter.Core.Tokens;

/// <summary>
/// <see cref="ITokenEstimator"/> over Microsoft.ML.Tokenizers' tiktoken encodings. One tokenizer per encoding,
/// loaded on first use and shared (they are thread-safe); counting never materialises token lists. Message
/// framing follows OpenAI's published formula (3 tokens a message, 1 for a name, 3 priming the reply).
/// </summary>
public sealed class TiktokenEstimator : ITokenEstimator
{
    public const int TokensPerMessage = 3;
    public const int TokensPerName = 1;
    public const int ReplyPriming = 3;
    /// <summary>A tool's framing around its name, description and schema.</summary>
    public const int TokensPerTool = 8;
    /// <summary>An image at low detail (OpenAI: a flat 85).</summary>
    public const int LowDetailImageTokens = 85;
    /// <summary>An image at high or auto detail: 765 is OpenAI's figure for a 1024x1024 image (the size isn't read: that would mean decoding it).</summary>
    public const int ImageTokens = 765;
    /// <summary>A part Arbiter does not model (audio, file): a flat guess rather than counting its base64.</summary>
    public const int OpaquePartTokens = 1000;

    /// <summary>Texts at least this long are remembered with their count (system prompts, tool schemas and history repeat across turns).</summary>
    public const int CachedTextMinChars = 256;
    /// <summary>8 M characters (16 MB of strings) of remembered texts at most.</summary>
    public const long DefaultCacheChars = 8_000_000;

    public static TiktokenEstimator Shared { get; } = new();

    private readonly TokenCountCache? _cache;

    /// <param name="cacheChars">Characters of long texts whose counts are kept (0: none). Cleared when full, never locked.</param>
    public TiktokenEstimator(long cacheChars = DefaultCacheChars)
    {
        if (cacheChars > 0) _cache = new TokenCountCache(cacheChars);
    }

    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    /// <summary>Loads both encodings now (a few hundred ms) so the first request does not pay for it.</summary>
    public static void Warm()
    {
        _ = O200k.Value.CountTokens("warm");
        _ = Cl100k.Value.CountTokens("warm");
    }

    public long EstimatePromptTokens(ChatRequest request, ModelEntry model) =>
        EstimatePromptTokens(request, model.UpstreamModel, model.Provider.Type);

    public long EstimatePromptTokens(ChatRequest request, string upstreamModel, string providerType)
    {
        var family = TokenFamilies.Of(upstreamModel, providerType);
        var tokenizer = TokenizerOf(family.Encoding);
        long count = ReplyPriming;
        var messages = request.Messages;
        for (var i = 0; i < messages.Count; i++) count += CountMessage(tokenizer, messages[i]);
        if (request.Tools is { } tools)
        {
            for (var i = 0; i < tools.Count; i++)
            {
                var tool = tools[i];
                count += TokensPerTool + Count(tokenizer, tool.Name) + Count(tokenizer, tool.Description);
                if (tool.Parameters is { } schema) count += Count(tokenizer, schema.GetRawText());
            }
        }
        if (request.ResponseFormat?.Schema is { } format) count += Count(tokenizer, format.GetRawText());
        return Scale(count, family);
    }

    public long CountText(ReadOnlySpan<char> text, string upstreamModel, string providerType)
    {
        var family = TokenFamilies.Of(upstreamModel, providerType);
        return Scale(TokenizerOf(family.Encoding).CountTokens(text), family);
    }

    private long CountMessage(Tokenizer tokenizer, ChatMessage message)
    {
        long count = TokensPerMessage + Count(tokenizer, message.Text) + Count(tokenizer, message.Refusal);
        if (message.Name is not null) count += TokensPerName + Count(tokenizer, message.Name);
        if (message.Parts is { } parts)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                count += parts[i] switch
                {
                    TextPart t => Count(tokenizer, t.Text),
                    ImagePart { Detail: "low" } => LowDetailImageTokens,
                    ImagePart => ImageTokens,
                    _ => OpaquePartTokens,
                };
            }
        }
        if (message.ToolCalls is { } calls)
        {
            for (var i = 0; i < calls.Count; i++)
                count += TokensPerMessage + Count(tokenizer, calls[i].Name) + Count(tokenizer, calls[i].Arguments);
        }
        return count;
    }

    private int Count(Tokenizer tokenizer, string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        if (_cache is null || text.Length < CachedTextMinChars) return tokenizer.CountTokens(text.AsSpan());
        return _cache.GetOrCount(tokenizer, text);
    }

    private static long Scale(long count, TokenFamily family) =>
        family.IsExact ? count : (long)Math.Ceiling(count * family.Factor);

    private static Tokenizer TokenizerOf(TokenEncoding encoding) =>
        encoding == TokenEncoding.O200kBase ? O200k.Value : Cl100k.Value;
}
