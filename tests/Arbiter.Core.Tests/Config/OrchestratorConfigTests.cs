using Arbiter.Core.Config;
using Arbiter.Core.Orchestration.Workers;

namespace Arbiter.Core.Tests.Config;

public sealed class OrchestratorConfigTests
{
    private const string Yaml = """
        providers: { sim: { type: simulated } }
        models: { m: { provider: sim } }
        orchestrators:
          strict: { model: m }
          lenient: { model: m, on_incomplete: disclose }
          wrong: { model: m, on_incomplete: partial }
        """;

    [Fact]
    public void Parse_OnIncomplete_ReadFromYamlWithFailAsDefault()
    {
        var c = ConfigLoader.Parse(Yaml);

        Assert.Equal(IncompletePolicies.Fail, c.Orchestrators["strict"].OnIncomplete);
        Assert.Equal(IncompletePolicies.Disclose, c.Orchestrators["lenient"].OnIncomplete);
    }

    [Fact]
    public void Validate_UnknownOnIncomplete_ErrorNamesTheKeyAndTheKnownPolicies()
    {
        var errors = ConfigValidator.Validate(ConfigLoader.Parse(Yaml), (_, _, _) => [], _ => null);

        var error = Assert.Single(errors, e => e.Contains("on_incomplete", StringComparison.Ordinal));
        Assert.Equal("orchestrators.wrong.on_incomplete: unknown policy 'partial' (known: fail, disclose)", error);
    }
}
