using Arbiter.Core.Models;

namespace Arbiter.Core.Resilience;

/// <summary>
/// Chooses which of a model's deployments to call next (YARP's ILoadBalancingPolicy); chosen by <see cref="Name"/>
/// in config. Only called when there is a choice: deployments already tried, at their rate limit or excluded are
/// marked in <paramref name="excluded"/> (bit i = deployment i).
/// </summary>
public interface IDeploymentSelector
{
    /// <summary>One of <see cref="DeploymentSelectors"/>.</summary>
    string Name { get; }

    /// <returns>The index of the deployment to call, or -1 when every one is excluded.</returns>
    int Pick(IReadOnlyList<Deployment> deployments, ulong excluded);
}
