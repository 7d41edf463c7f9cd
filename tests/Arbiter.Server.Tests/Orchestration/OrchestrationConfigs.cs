namespace Arbiter.Server.Tests.Orchestration;

/// <summary>The fast simulator with ensembles, chains and orchestrators on top.</summary>
public static class OrchestrationConfigs
{
    public const string Simulator = TestConfigs.FastSimulator + """

        ensembles:
          panel: { members: [cheap, strong], mode: vote, supervisor: strong, threshold: 0.5 }
          capped: { members: [cheap, strong, cheap], mode: all, max_cost_usd: 0.000001 }
        chains:
          brief:
            steps:
              - name: facts
                model: cheap
                prompt: "Facts of: {{input}}"
                response_schema: '{"type":"object","properties":{"facts":{"type":"array","items":{"type":"string"}}},"required":["facts"]}'
                validate: { type: json_schema, schema: '{"type":"object","required":["facts"]}' }
              - name: draft
                model: cheap
                prompt: "Write at least 40 words from {{steps.facts.output}}"
                validate: { type: regex, pattern: '^(\S+\s+){40}' }
              - name: title
                model: cheap
                prompt: "Title for: {{steps.draft.output}}"
        """;
}
