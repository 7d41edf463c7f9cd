using Arbiter.Core.Config;

namespace Arbiter.Providers.Simulated;

/// <summary>The simulation settings of the models a simulated provider serves, by upstream model id.</summary>
internal static class SimulatedModels
{
    public static IReadOnlyDictionary<string, SimulationConfig> Of(string provider, IReadOnlyDictionary<string, ModelConfig> models) =>
        models.Where(m => m.Value.Provider == provider)
            .GroupBy(m => m.Value.Model ?? m.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value.Simulation ?? new SimulationConfig(), StringComparer.Ordinal);
}
