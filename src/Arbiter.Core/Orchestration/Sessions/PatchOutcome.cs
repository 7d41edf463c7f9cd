namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>How a patch ended: committed, rejected (broke the rules), conflict (made against an old version), or not found; with the session as it is now.</summary>
public sealed record PatchOutcome(string Status, SessionState? State, string? Reason)
{
    public const string NotFound = "not_found";
}
