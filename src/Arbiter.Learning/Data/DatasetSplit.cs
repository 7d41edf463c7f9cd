namespace Arbiter.Learning.Data;

/// <summary>
/// A deterministic, seeded split with no near-duplicate leakage: within each task (eval_name), the samples are
/// ordered by sample_id and grouped with their near copies (<see cref="NearDuplicates"/>); the groups, in order of
/// their first sample_id, are shuffled with <c>new Random(seed)</c> and taken whole into the held-out part until it
/// holds <c>round(fraction × n)</c> samples (the group that crosses that count goes to training). Per-task
/// stratification keeps every task's share about the same on both sides.
/// </summary>
public static class DatasetSplit
{
    public static (RoutingDataset Train, RoutingDataset HeldOut) Split(RoutingDataset data, double heldOutFraction, int seed)
    {
        if (heldOutFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(heldOutFraction), "must be between 0 and 1");
        var random = new Random(seed);
        var train = new List<RoutingSample>();
        var heldOut = new List<RoutingSample>();
        foreach (var task in data.Samples.GroupBy(s => s.EvalName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var items = task.OrderBy(s => s.SampleId, StringComparer.Ordinal).ToArray();
            var groupOf = NearDuplicates.Groups(items);
            var groups = items.Select((s, i) => (s, g: groupOf[i])).GroupBy(x => x.g).Select(g => g.Select(x => x.s).ToArray()).ToArray();
            random.Shuffle(groups);
            var target = (int)Math.Round(heldOutFraction * items.Length);
            var taken = 0;
            foreach (var group in groups)
            {
                if (taken + group.Length <= target) { heldOut.AddRange(group); taken += group.Length; }
                else train.AddRange(group);
            }
        }
        return (data with { Samples = train }, data with { Samples = heldOut });
    }
}
