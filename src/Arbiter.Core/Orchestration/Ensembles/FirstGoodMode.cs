using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>The first good answer (non-empty, not truncated) wins; the runner cancels the rest.</summary>
public sealed class FirstGoodMode : IEnsembleMode
{
    public string Name => EnsembleModes.FirstGood;
    public bool Races => true;

    public ValueTask<EnsemblePick> PickAsync(EnsembleContext context, IReadOnlyList<ModelCall> answers, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new EnsemblePick(answers[0], "first good answer"));
}
