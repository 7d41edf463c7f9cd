using Arbiter.Learning.Routing;

namespace Arbiter.Learning.Evaluation;

/// <summary>The reference routers every learned router is compared with, on the same test set.</summary>
public static class Baselines
{
    /// <summary>
    /// Best fixed model per task, chosen on the training set: for each λ, each task gets the model maximising its
    /// training accuracy − λ × training mean cost (a prompt of a task unseen in training uses all training data).
    /// </summary>
    public static IReadOnlyList<CostQualityPoint> PerTaskFixed(OutcomeTable train, OutcomeTable test, IReadOnlyList<double> lambdas)
    {
        var stats = train.Data.Samples.Select((s, i) => (s.EvalName, i)).GroupBy(x => x.EvalName)
            .ToDictionary(g => g.Key, g => Means(train, g.Select(x => x.i).ToList()));
        var all = Means(train, Enumerable.Range(0, train.Count).ToList());
        var taskOf = test.Data.Samples.Select(s => stats.TryGetValue(s.EvalName, out var st) ? st : all).ToArray();
        return lambdas.Select(l =>
        {
            var pick = new Dictionary<(float[], double[]), int>(ReferenceTupleComparer.Instance);
            return test.Evaluate(i =>
            {
                var st = taskOf[i];
                if (!pick.TryGetValue(st, out var m)) pick[st] = m = CostAwareChoice.Choose(st.Quality, st.Cost, l);
                return m;
            });
        }).ToList();
    }

    /// <summary>The oracle: the true outcomes, so for each λ the model maximising actual score − λ × actual cost.</summary>
    public static IReadOnlyList<CostQualityPoint> Oracle(OutcomeTable test, IReadOnlyList<double> lambdas) =>
        lambdas.Select(l => test.Evaluate(i => CostAwareChoice.Choose(test.Scores[i], test.Costs[i], l))).ToList();

    /// <summary>Each prompt sent to a model drawn uniformly at random (seeded).</summary>
    public static CostQualityPoint UniformRandom(OutcomeTable test, int seed)
    {
        var random = new Random(seed);
        return test.Evaluate(_ => random.Next(test.Models.Count));
    }

    private static (float[] Quality, double[] Cost) Means(OutcomeTable t, IReadOnlyList<int> rows)
    {
        var q = new float[t.Models.Count];
        var c = new double[t.Models.Count];
        foreach (var i in rows)
            for (var m = 0; m < q.Length; m++) { q[m] += t.Scores[i][m]; c[m] += t.Costs[i][m]; }
        for (var m = 0; m < q.Length; m++) { q[m] /= rows.Count; c[m] /= rows.Count; }
        return (q, c);
    }

    private sealed class ReferenceTupleComparer : IEqualityComparer<(float[], double[])>
    {
        public static readonly ReferenceTupleComparer Instance = new();
        public bool Equals((float[], double[]) x, (float[], double[]) y) => ReferenceEquals(x.Item1, y.Item1);
        public int GetHashCode((float[], double[]) obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1);
    }
}
