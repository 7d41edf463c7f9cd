using Arbiter.Core.Models;

namespace Arbiter.Core.Resilience;

/// <summary>The deployment with the lowest price (input plus output, USD per million tokens); unpriced ones after priced ones.</summary>
public sealed class CheapestSelector : IDeploymentSelector
{
    public string Name => DeploymentSelectors.Cheapest;

    public int Pick(IReadOnlyList<Deployment> deployments, ulong excluded)
    {
        var best = -1;
        var lowest = decimal.MaxValue;
        for (var i = 0; i < deployments.Count; i++)
        {
            if (DeploymentSelectors.IsExcluded(excluded, i)) continue;
            var p = deployments[i].Price;
            var price = p is { Input: decimal input, Output: decimal output } ? input + output : decimal.MaxValue;
            if (best < 0 || price < lowest) (best, lowest) = (i, price);
        }
        return best;
    }
}
