namespace Arbiter.Core.Cascade.Gates;

/// <summary>Fails an answer with no text and no tool call, an explicit refusal, or a short answer that opens like a refusal.</summary>
public sealed class EmptyAnswerGate : IQualityGate
{
    private const int RefusalMaxChars = 400;
    private static readonly string[] RefusalOpenings =
    [
        "I can't help", "I cannot help", "I can't assist", "I cannot assist", "I'm sorry, but I can't", "I'm sorry, but I cannot",
        "I am sorry, but I cannot", "I'm unable to", "I am unable to", "I won't be able to", "Sorry, I can't", "As an AI",
    ];

    public string Name => QualityGates.Empty;

    public ValueTask<GateVerdict> CheckAsync(GateInput input, CancellationToken cancellationToken)
    {
        if (input.Response.Choices.Count == 0) return ValueTask.FromResult(GateVerdict.Fail("no choices"));
        var message = input.Response.Choices[0].Message;
        if (!string.IsNullOrEmpty(message.Refusal)) return ValueTask.FromResult(GateVerdict.Fail("refused"));
        if (message.ToolCalls is { Count: > 0 }) return ValueTask.FromResult(GateVerdict.Pass);
        var text = input.Text.AsSpan().Trim();
        if (text.IsEmpty) return ValueTask.FromResult(GateVerdict.Fail("empty"));
        if (text.Length <= RefusalMaxChars)
            foreach (var opening in RefusalOpenings)
                if (text.StartsWith(opening, StringComparison.OrdinalIgnoreCase)) return ValueTask.FromResult(GateVerdict.Fail("refused"));
        return ValueTask.FromResult(GateVerdict.Pass);
    }
}
