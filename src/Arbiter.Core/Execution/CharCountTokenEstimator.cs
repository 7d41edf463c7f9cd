using Arbiter.Core.Chat;

namespace Arbiter.Core.Execution;

/// <summary>
/// About four characters per token (English text with BPE tokenizers), plus a few tokens of framing per message
/// and the tool definitions' size. Cheap and allocation-free; errs on neither side by much for prose.
/// </summary>
public sealed class CharCountTokenEstimator : ITokenEstimator
{
    private const int CharsPerToken = 4;
    private const int PerMessage = 4;

    public long EstimateInputTokens(ChatRequest request)
    {
        long chars = 0, tokens = 3;
        foreach (var m in request.Messages)
        {
            tokens += PerMessage;
            chars += m.Text?.Length ?? 0;
            if (m.Parts is { } parts)
                foreach (var p in parts)
                    if (p is TextPart t) chars += t.Text.Length;
                    else tokens += 85; // an image's low-detail cost; high detail is more, but the window check is an estimate
            if (m.ToolCalls is { } calls)
                foreach (var c in calls) chars += c.Name.Length + c.Arguments.Length;
        }
        if (request.Tools is { } tools)
            foreach (var t in tools) chars += t.Name.Length + (t.Description?.Length ?? 0) + (t.Parameters is { } schema ? schema.GetRawText().Length : 0);
        return tokens + (chars + CharsPerToken - 1) / CharsPerToken;
    }
}
