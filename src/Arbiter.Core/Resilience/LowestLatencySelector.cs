using Arbiter.Core.Models;

namespace Arbiter.Core.Resilience;

/// <summary>
/// The deployment with the lowest moving time-to-first-byte estimate. One never measured goes first, so every
/// deployment gets a measurement; ties go to the first listed.
/// </summary>
public sealed class LowestLatencySelector : IDeploymentSelector
{
    public string Name => DeploymentSelectors.LowestLatency;

    public int Pick(IReadOnlyList<Deployment> deployments, ulong excluded)
    {
        var best = -1;
        var lowest = double.MaxValue;
        for (var i = 0; i < deployments.Count; i++)
        {
            if (DeploymentSelectors.IsExcluded(excluded, i)) continue;
            var ttfb = deployments[i].Load.TimeToFirstByteMs;
            if (double.IsNaN(ttfb)) return i;
            if (ttfb < lowest) (best, lowest) = (i, ttfb);
        }
        return best;
    }
}
