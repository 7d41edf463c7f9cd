using Arbiter.Learning.Data;

namespace Arbiter.Learning.Evaluation;

/// <summary>
/// A test set's recorded outcomes as dense arrays: a missing score counts as a failure (no answer), a missing cost
/// as the model's mean cost over the set.
/// </summary>
public sealed class OutcomeTable
{
    public OutcomeTable(RoutingDataset data)
    {
        Data = data;
        Models = data.Models;
        var n = data.Samples.Count;
        Scores = new float[n][];
        Costs = new double[n][];
        var meanCost = new double[Models.Count];
        for (var m = 0; m < Models.Count; m++)
        {
            var known = data.Samples.Select(s => s.Costs[m]).Where(c => !double.IsNaN(c)).ToList();
            meanCost[m] = known.Count == 0 ? 0 : known.Average();
        }
        for (var i = 0; i < n; i++)
        {
            var s = data.Samples[i];
            Scores[i] = s.Scores.Select(v => float.IsNaN(v) ? 0f : v).ToArray();
            Costs[i] = s.Costs.Select((c, m) => double.IsNaN(c) ? meanCost[m] : c).ToArray();
        }
    }

    public RoutingDataset Data { get; }
    public IReadOnlyList<string> Models { get; }
    public float[][] Scores { get; }
    public double[][] Costs { get; }
    public int Count => Scores.Length;

    /// <summary>Mean cost and quality when prompt i is sent to <c>choose(i)</c>.</summary>
    public CostQualityPoint Evaluate(Func<int, int> choose)
    {
        double cost = 0, quality = 0;
        for (var i = 0; i < Count; i++)
        {
            var m = choose(i);
            cost += Costs[i][m];
            quality += Scores[i][m];
        }
        return new CostQualityPoint(cost / Count, quality / Count);
    }

    public CostQualityPoint Single(int model) => Evaluate(_ => model);
}
