using Arbiter.Core.Models;

namespace Arbiter.Core.Resilience;

/// <summary>At random in proportion to weight, among the deployments not excluded; equal chances when all weights are zero.</summary>
public sealed class WeightedSelector(Random random) : IDeploymentSelector
{
    public string Name => DeploymentSelectors.Weighted;

    public int Pick(IReadOnlyList<Deployment> deployments, ulong excluded)
    {
        double total = 0;
        int open = 0, last = -1;
        for (var i = 0; i < deployments.Count; i++)
        {
            if (DeploymentSelectors.IsExcluded(excluded, i)) continue;
            total += deployments[i].Weight;
            open++;
            last = i;
        }
        if (open <= 1) return last;
        var useWeights = total > 0;
        var roll = Next() * (useWeights ? total : open);
        for (var i = 0; i < deployments.Count; i++)
        {
            if (DeploymentSelectors.IsExcluded(excluded, i)) continue;
            roll -= useWeights ? deployments[i].Weight : 1;
            if (roll < 0) return i;
        }
        return last;
    }

    // Random is not thread-safe; a lock held for one draw is cheap and only taken when there is a choice.
    private double Next()
    {
        lock (random) return random.NextDouble();
    }
}
