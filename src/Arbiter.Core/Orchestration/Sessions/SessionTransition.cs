namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>
/// One entry of a session's history: created, committed (a patch moved the state to <see cref="Version"/>), rejected (a
/// patch broke the rules; the state did not move) or conflict (a patch was made against an old version and refused, to
/// be retried on the new state). Replaying the committed patches in order rebuilds every version.
/// </summary>
public sealed record SessionTransition(string SessionId, long Seq, string Kind, long Version, long BaseVersion, string? Patch, string Actor, string? Reason, DateTimeOffset At)
{
    public const string Created = "created";
    public const string Committed = "committed";
    public const string Rejected = "rejected";
    public const string Conflict = "conflict";

    /// <summary>For <see cref="Created"/>: the initial document.</summary>
    public string? Document { get; init; }
}
