using System.Text;

namespace Arbiter.Core.Chat;

/// <summary>
/// Folds streamed chunks back into the complete answer they describe: text appended, tool-call argument
/// pieces joined per index, the last finish reason and usage kept. Used for request records, quality gates
/// and tests.
/// </summary>
public sealed class ChatStreamAccumulator
{
    private readonly StringBuilder _text = new();
    private readonly SortedDictionary<int, (string? Id, string? Name, StringBuilder Args)> _calls = new();
    private string? _refusal;

    public string? Id { get; private set; }
    public string? Model { get; private set; }
    public long Created { get; private set; }
    public FinishReason? FinishReason { get; private set; }
    public TokenUsage? Usage { get; private set; }
    public int ChunkCount { get; private set; }
    public string Text => _text.ToString();
    /// <summary>Characters of text received so far, without building the text.</summary>
    public int TextLength => _text.Length;

    public void Add(ChatStreamChunk chunk)
    {
        ChunkCount++;
        Id ??= chunk.Id;
        Model ??= chunk.Model;
        if (Created == 0) Created = chunk.Created;
        if (chunk.Usage is not null) Usage = chunk.Usage;
        for (var choiceIndex = 0; choiceIndex < chunk.Choices.Count; choiceIndex++)
        {
            var choice = chunk.Choices[choiceIndex];
            if (choice.Index != 0) continue; // n > 1 streams: the record keeps the first choice
            var d = choice.Delta;
            if (d.Content is not null) _text.Append(d.Content);
            if (d.Refusal is not null) _refusal += d.Refusal;
            if (d.ToolCalls is not null)
            {
                for (var tIndex = 0; tIndex < d.ToolCalls.Count; tIndex++)
                {
                    var t = d.ToolCalls[tIndex];
                    if (!_calls.TryGetValue(t.Index, out var call)) call = (null, null, new StringBuilder());
                    _calls[t.Index] = (call.Id ?? t.Id, call.Name ?? t.Name, call.Args.Append(t.ArgumentsDelta));
                }
            }
            if (choice.FinishReason is not null) FinishReason = choice.FinishReason;
        }
    }

    public IReadOnlyList<ToolCall> ToolCalls =>
        _calls.Values.Select(c => new ToolCall(c.Id ?? "", c.Name ?? "", c.Args.Length == 0 ? "{}" : c.Args.ToString())).ToList();

    public ChatResponse ToResponse() => new()
    {
        Id = Id ?? "",
        Created = Created,
        Model = Model ?? "",
        Choices =
        [
            new ChatChoice(0, new ChatMessage
            {
                Role = ChatRole.Assistant,
                Text = _text.Length > 0 || _calls.Count == 0 ? Text : null,
                ToolCalls = _calls.Count > 0 ? ToolCalls : null,
                Refusal = _refusal,
            }, FinishReason),
        ],
        Usage = Usage,
    };
}
