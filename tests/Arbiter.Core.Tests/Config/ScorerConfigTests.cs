using Arbiter.Core.Config;

namespace Arbiter.Core.Tests.Config;

public sealed class ScorerConfigTests
{
    private const string Base = """
        providers: { sim: { type: simulated } }
        tiers: { fast: {}, deep: {} }
        models: { a: { provider: sim, tier: fast }, b: { provider: sim, tier: deep } }
        """;

    private static IReadOnlyList<string> Validate(string yaml) =>
        ConfigValidator.Validate(ConfigLoader.Parse(Base + "\n" + yaml), (_, _, _) => [], _ => null);

    [Fact]
    public void Load_LearnedScorer_ReadsTypeAndDirectory()
    {
        var config = ConfigLoader.Parse(Base + "\nscorers: { answers: { model_dir: scorers/rb } }");

        Assert.Equal("learned", config.Scorers["answers"].Type);
        Assert.Equal("scorers/rb", config.Scorers["answers"].ModelDir);
    }

    [Fact]
    public void Validate_RouteNamingAConfiguredScorer_IsValid() =>
        Assert.Empty(Validate("""
            scorers: { answers: { type: learned, model_dir: scorers/rb } }
            routes: { auto: { strategy: cascade, tiers: [fast, deep], gates: [empty, scorer], scorer: { name: answers, min_score: 0.6 } } }
            """));

    [Theory]
    [InlineData("scorers: { answers: { type: learned } }", "scorers.answers.model_dir")]
    [InlineData("scorers: { answers: { type: magic, model_dir: x } }", "scorers.answers.type")]
    [InlineData("routes: { auto: { strategy: cascade, tiers: [fast, deep], gates: [scorer], scorer: { name: answers } } }", "routes.auto.scorer.name: 'answers' is not a configured scorer")]
    [InlineData("scorers: { answers: { model_dir: x } }\nroutes: { auto: { strategy: cascade, tiers: [fast, deep], gates: [scorer], scorer: { name: answers, min_score: 1.5 } } }", "routes.auto.scorer.min_score")]
    public void Validate_Mistake_NamesTheKey(string yaml, string key) =>
        Assert.Contains(Validate(yaml), e => e.StartsWith(key, StringComparison.Ordinal));
}
