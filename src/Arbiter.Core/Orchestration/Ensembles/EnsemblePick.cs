using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>A mode's choice among the answers: the chosen answer (null for <c>all</c>) and why, plus what the mode adds to the metadata.</summary>
public sealed record EnsemblePick(ModelCall? Chosen, string Reason)
{
    /// <summary>Vote counts, the judge's reason ...: shown in the response metadata.</summary>
    public IReadOnlyDictionary<string, string>? Details { get; init; }
}
