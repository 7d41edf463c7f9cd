using Arbiter.Core.Chat;

namespace Arbiter.Providers.Tests.Conformance;

/// <summary>What a provider fake answers to its next request, said once in canonical terms; each fake renders it in its own wire format.</summary>
public abstract record FakeScenario;

/// <summary>A text answer. Streamed, the text arrives in <paramref name="Pieces"/> deltas.</summary>
public sealed record TextScenario(IReadOnlyList<string> Pieces, FinishReason Finish, TokenUsage Usage) : FakeScenario
{
    public string Text => string.Concat(Pieces);
}

/// <summary>One tool call. Streamed, the arguments arrive in <paramref name="ArgumentPieces"/>.</summary>
public sealed record ToolCallScenario(string CallId, string Name, IReadOnlyList<string> ArgumentPieces, TokenUsage Usage) : FakeScenario
{
    public string Arguments => string.Concat(ArgumentPieces);
}

/// <summary>An HTTP error in the provider's own error body shape.</summary>
public sealed record ErrorScenario(int Status, string Message, int? RetryAfterSeconds = null) : FakeScenario;

/// <summary>A 307 Temporary Redirect to <paramref name="Location"/> (which keeps the method and body if followed).</summary>
public sealed record RedirectScenario(string Location) : FakeScenario;

/// <summary>
/// A stream that sends some text, then breaks off mid-way (the connection is aborted) once the test says it has the
/// text (<see cref="PieceArrived"/>).
/// </summary>
public sealed record BrokenStreamScenario(string FirstPiece) : FakeScenario
{
    public ArrivalSignal PieceArrived { get; } = new();
}

/// <summary>Waits <paramref name="Delay"/> before the response starts (a slow or hung upstream), then answers with <paramref name="Then"/>.</summary>
public sealed record DelayedScenario(TimeSpan Delay, FakeScenario Then) : FakeScenario;
