namespace Arbiter.Learning.Data;

/// <summary>
/// A deterministic, seeded split: within each task (eval_name), the samples are ordered by sample_id, shuffled
/// with <c>new Random(seed)</c>, and the first <c>round(fraction × n)</c> go to the held-out part. Per-task
/// stratification keeps every task's share the same on both sides.
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
            random.Shuffle(items);
            var cut = (int)Math.Round(heldOutFraction * items.Length);
            heldOut.AddRange(items[..cut]);
            train.AddRange(items[cut..]);
        }
        return (data with { Samples = train }, data with { Samples = heldOut });
    }
}
