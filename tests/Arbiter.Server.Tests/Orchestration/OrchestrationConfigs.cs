namespace Arbiter.Server.Tests.Orchestration;

/// <summary>The fast simulator with ensembles, chains and orchestrators on top.</summary>
public static class OrchestrationConfigs
{
    public const string Simulator = TestConfigs.FastSimulator + """

        ensembles:
          panel: { members: [cheap, strong], mode: vote, supervisor: strong, threshold: 0.5 }
          capped: { members: [cheap, strong, cheap], mode: all, max_cost_usd: 0.000001 }
        """;
}
