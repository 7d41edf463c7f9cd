namespace Arbiter.Ttfc;

/// <summary>One measured request: Stopwatch ticks from just before SendAsync to the first chunk and to the end, or an error.</summary>
public readonly record struct Sample(long FirstChunkTicks, long TotalTicks, string? Error)
{
    public bool Ok => Error is null;

    public static Sample Failed(string error) => new(0, 0, error);
}
