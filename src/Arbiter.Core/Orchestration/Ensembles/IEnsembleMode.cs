using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>How an ensemble turns its members' answers into one response; chosen by <see cref="Name"/> under <c>ensembles.NAME.mode</c>.</summary>
public interface IEnsembleMode
{
    /// <summary>One of <see cref="EnsembleModes"/>.</summary>
    string Name { get; }

    /// <summary>True when the first good answer ends the fan-out (the other calls are cancelled).</summary>
    bool Races { get; }

    /// <param name="answers">The successful answers, in member order (at least two).</param>
    ValueTask<EnsemblePick> PickAsync(EnsembleContext context, IReadOnlyList<ModelCall> answers, CancellationToken cancellationToken);
}
