namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>A session as stored: its state document (JSON text: facts, constraints, decisions) at <see cref="Version"/>.</summary>
public sealed record SessionState(string Id, long Version, string Document, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
