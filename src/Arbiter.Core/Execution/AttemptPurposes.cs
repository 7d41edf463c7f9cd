namespace Arbiter.Core.Execution;

/// <summary>The values of <see cref="Attempt.Purpose"/>, as stored in the request log.</summary>
public static class AttemptPurposes
{
    /// <summary>A cascade judge scoring a stage's answer (the <c>judge</c> gate).</summary>
    public const string Judge = "judge";
}
