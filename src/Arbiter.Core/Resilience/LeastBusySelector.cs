using Arbiter.Core.Models;

namespace Arbiter.Core.Resilience;

/// <summary>The deployment with the fewest requests in flight; ties go to the first listed.</summary>
public sealed class LeastBusySelector : IDeploymentSelector
{
    public string Name => DeploymentSelectors.LeastBusy;

    public int Pick(IReadOnlyList<Deployment> deployments, ulong excluded)
    {
        int best = -1, fewest = int.MaxValue;
        for (var i = 0; i < deployments.Count; i++)
        {
            if (DeploymentSelectors.IsExcluded(excluded, i)) continue;
            var busy = deployments[i].Load.InFlight;
            if (busy < fewest) (best, fewest) = (i, busy);
        }
        return best;
    }
}
