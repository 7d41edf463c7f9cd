namespace Arbiter.Core.Resilience;

/// <summary>The names of the deployment selection strategies, as written under <c>load_balancing</c>.</summary>
public static class DeploymentSelectors
{
    /// <summary>At random, in proportion to each deployment's weight (the default).</summary>
    public const string Weighted = "weighted";
    /// <summary>The one with the fewest requests in flight.</summary>
    public const string LeastBusy = "least-busy";
    /// <summary>The one with the lowest moving time-to-first-byte estimate; untried ones first.</summary>
    public const string LowestLatency = "lowest-latency";
    /// <summary>The one with the lowest price (input plus output per million tokens); unpriced ones last.</summary>
    public const string Cheapest = "cheapest";

    public static readonly IReadOnlyList<string> All = [Weighted, LeastBusy, LowestLatency, Cheapest];

    /// <summary>One instance of each, keyed by name.</summary>
    public static IReadOnlyDictionary<string, IDeploymentSelector> Create(Random random) => new Dictionary<string, IDeploymentSelector>(StringComparer.Ordinal)
    {
        [Weighted] = new WeightedSelector(random),
        [LeastBusy] = new LeastBusySelector(),
        [LowestLatency] = new LowestLatencySelector(),
        [Cheapest] = new CheapestSelector(),
    };

    internal static bool IsExcluded(ulong excluded, int i) => (excluded & (1UL << i)) != 0;
}
