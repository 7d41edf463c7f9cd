using Arbiter.Core.Chat;

namespace Arbiter.Core.Cascade.Gates;

/// <summary>Fails an answer cut off by the token limit (finish_reason length).</summary>
public sealed class TruncationGate : IQualityGate
{
    public string Name => QualityGates.Truncation;

    public ValueTask<GateVerdict> CheckAsync(GateInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(input.Response.Choices is [{ FinishReason: FinishReason.Length }, ..] ? GateVerdict.Fail("truncated") : GateVerdict.Pass);
}
