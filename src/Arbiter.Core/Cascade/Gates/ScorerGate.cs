using System.Globalization;

namespace Arbiter.Core.Cascade.Gates;

/// <summary>
/// Fails an answer the route's learned scorer (<see cref="IAnswerScorer"/>, by <c>scorer.name</c>) scores below
/// <c>scorer.min_score</c>. With no scorer registered under that name it passes and says so.
/// </summary>
public sealed class ScorerGate(IEnumerable<IAnswerScorer> scorers) : IQualityGate
{
    private readonly Dictionary<string, IAnswerScorer> _scorers = scorers.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public string Name => QualityGates.Scorer;

    public async ValueTask<GateVerdict> CheckAsync(GateInput input, CancellationToken cancellationToken)
    {
        if (input.Route.Scorer is not { } config) return GateVerdict.Pass;
        if (!_scorers.TryGetValue(config.Name, out var scorer)) return new GateVerdict(true, $"no scorer '{config.Name}'");
        var score = await scorer.ScoreAsync(input.Request, input.Response, input.Model, cancellationToken).ConfigureAwait(false);
        var text = score.ToString("0.##", CultureInfo.InvariantCulture);
        var verdict = score < config.MinScore ? GateVerdict.Fail($"scorer {text} < {config.MinScore.ToString("0.##", CultureInfo.InvariantCulture)}") : new GateVerdict(true, $"scorer {text}");
        return verdict with { Score = score };
    }
}
