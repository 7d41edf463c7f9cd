using System.Globalization;
using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>
/// The answer most members gave wins, answers compared in their normal form (same words, or the same JSON fields);
/// a tie goes to the earlier member. Meant for short or structured answers: long prose rarely matches.
/// </summary>
public sealed class VoteMode : IEnsembleMode
{
    public string Name => EnsembleModes.Vote;
    public bool Races => false;

    public ValueTask<EnsemblePick> PickAsync(EnsembleContext context, IReadOnlyList<ModelCall> answers, CancellationToken cancellationToken)
    {
        var groups = answers.GroupBy(a => context.Comparison.Canonical(a.Text), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ToList();
        var winner = groups[0];
        var details = new Dictionary<string, string>
        {
            ["votes"] = string.Join(", ", groups.Select(g => string.Join("+", g.Select(a => a.Model?.Name ?? a.Target)) + "=" + g.Count().ToString(CultureInfo.InvariantCulture))),
        };
        var reason = string.Create(CultureInfo.InvariantCulture, $"{winner.Count()} of {answers.Count} answers agree");
        return ValueTask.FromResult(new EnsemblePick(winner.First(), reason) { Details = details });
    }
}
