namespace Arbiter.Server.Tests.Chaos;

/// <summary>One cell of the fault matrix: a fault, streamed or not, with or without a fallback model.</summary>
public sealed record FaultCase(ChaosFault Fault, bool Stream, bool Fallback)
{
    public override string ToString() => $"{Fault} {(Stream ? "stream" : "non-stream")} {(Fallback ? "fallback" : "no-fallback")}";
}

/// <summary>What the client got and what the gateway recorded for one <see cref="FaultCase"/>.</summary>
public sealed record FaultResult(FaultCase Case)
{
    public int Status { get; init; }
    /// <summary>The OpenAI error code of an error response, or of the SSE error event ending a broken stream.</summary>
    public string? ErrorCode { get; init; }
    public string? ServedModel { get; init; }
    /// <summary>The answer text the client received (streamed pieces joined).</summary>
    public string Text { get; init; } = "";
    public bool Done { get; init; }
    public bool ErrorEvent { get; init; }
    public string? RetryAfter { get; init; }
    public string? AttemptsHeader { get; init; }
    public string? Chain { get; init; }
    public int RecordStatus { get; init; }
    public int RecordedCalls { get; init; }
    public int UpstreamRequests { get; init; }
    public int? DeliveredChars { get; init; }
    /// <summary>Wall time of the request, for the matrix in docs/reliability.md (reported, never asserted).</summary>
    public TimeSpan Elapsed { get; init; }
}
