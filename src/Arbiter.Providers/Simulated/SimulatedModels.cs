using Arbiter.Core.Config;

namespace Arbiter.Providers.Simulated;

/// <summary>The simulation settings of the models a simulated provider serves, by upstream model id.</summary>
internal static class SimulatedModels
{
    public static IReadOnlyDictionary<string, SimulationConfig> Of(string provider, IReadOnlyDictionary<string, ModelConfig> models) =>
        models.Where(m => m.Value.Provider == provider)
            .Select(m => (Id: m.Value.Model ?? m.Key, Simulation: m.Value.Simulation))
            // A deployment on this simulator serves its model with default simulation settings.
            .Concat(models.SelectMany(m => (m.Value.Deployments ?? []).Where(d => d?.Provider == provider)
                .Select(d => (Id: d.Model ?? m.Value.Model ?? m.Key, Simulation: (SimulationConfig?)null))))
            .GroupBy(m => m.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Simulation ?? new SimulationConfig(), StringComparer.Ordinal);
}
