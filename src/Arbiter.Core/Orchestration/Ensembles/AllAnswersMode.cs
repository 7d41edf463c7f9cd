using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>Every answer is returned, one choice per member, in member order.</summary>
public sealed class AllAnswersMode : IEnsembleMode
{
    public string Name => EnsembleModes.All;
    public bool Races => false;

    public ValueTask<EnsemblePick> PickAsync(EnsembleContext context, IReadOnlyList<ModelCall> answers, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new EnsemblePick(null, "every answer as a choice"));
}
