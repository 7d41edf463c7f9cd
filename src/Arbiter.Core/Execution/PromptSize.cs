using Arbiter.Core.Chat;

namespace Arbiter.Core.Execution;

/// <summary>
/// A request's prompt measured without a tokenizer, in one allocation-free pass: its characters and its fixed
/// framing. Gives a rough token count (four characters a token, for RPM/TPM accounting) and a safe upper bound
/// (no tokenizer makes more tokens than characters, times the largest family scale), so the context-window check
/// runs the real tokenizer only for prompts that might not fit.
/// </summary>
internal readonly struct PromptSize
{
    private const int PerMessage = 4, PerTool = 8, ImageTokens = 765, OpaqueTokens = 1000, Priming = 3;
    /// <summary>Above the largest scale Core/Tokens applies to a family (1.2 for Claude).</summary>
    private const double FamilyScaleMargin = 1.25;

    private readonly long _chars, _framing;

    private PromptSize(long chars, long framing) => (_chars, _framing) = (chars, framing);

    public long Rough => _framing + (_chars + 3) / 4;

    public long UpperBound => (long)Math.Ceiling((_framing + _chars) * FamilyScaleMargin);

    public static PromptSize Of(ChatRequest request)
    {
        long chars = 0, framing = Priming;
        foreach (var m in request.Messages)
        {
            framing += PerMessage;
            chars += (m.Text?.Length ?? 0) + (m.Refusal?.Length ?? 0) + (m.Name?.Length ?? 0);
            if (m.Parts is { } parts)
                foreach (var p in parts)
                    if (p is TextPart t) chars += t.Text.Length;
                    else framing += p is ImagePart ? ImageTokens : OpaqueTokens;
            if (m.ToolCalls is { } calls)
                foreach (var c in calls) { framing += PerMessage; chars += c.Name.Length + c.Arguments.Length; }
        }
        if (request.Tools is { } tools)
            foreach (var t in tools)
            {
                framing += PerTool;
                chars += t.Name.Length + (t.Description?.Length ?? 0);
                if (t.Parameters is { } schema) chars += schema.GetRawText().Length;
            }
        if (request.ResponseFormat?.Schema is { } format) chars += format.GetRawText().Length;
        return new PromptSize(chars, framing);
    }
}
