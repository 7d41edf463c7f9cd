using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>An ensemble handed to its supervisor: the supervisor's call when it decided (null when it could not), and why.</summary>
public sealed record Escalation(ModelCall? Decision, string Reason);
