namespace Arbiter.Benchmarks;

/// <summary>Which payload a benchmark runs on.</summary>
public enum BodyKind
{
    /// <summary>The shared overhead bench's small request (system + one user message) and the fake upstream's answer.</summary>
    Bench,
    /// <summary>A realistic agent turn: long system prompt, 6-turn conversation with a tool round trip, 2 tools.</summary>
    Large,
}
