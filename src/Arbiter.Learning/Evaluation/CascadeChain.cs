namespace Arbiter.Learning.Evaluation;

/// <summary>
/// The models a cascade tries, cheapest first: the training set's single models on the upper cost-quality hull
/// (none cheaper does as well), keeping the last <c>maxStages</c> so the strongest model always ends the chain.
/// </summary>
public static class CascadeChain
{
    public static IReadOnlyList<int> FromTraining(OutcomeTable train, int maxStages = 3)
    {
        var singles = Enumerable.Range(0, train.Models.Count).Select(m => (m, p: train.Single(m))).ToList();
        var hull = Aiq.NonDecreasingConvexHull(singles.Select(s => s.p));
        var chain = hull.Select(h => singles.Where(s => s.p == h).OrderBy(s => s.m).First().m).ToList();
        return chain.Skip(Math.Max(0, chain.Count - maxStages)).ToList();
    }
}
