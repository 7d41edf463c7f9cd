using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Providers.Tests.Http;

/// <summary>Secrets given as env: header values never come back to the client in an upstream's error text.</summary>
public sealed class SecretScrubbingTests : FakeHarness<OpenAIFake>
{
    // Deliberately not key-shaped, so only knowing the configured value can remove it.
    private const string TeamToken = "team-token-XYZ987-plain";

    protected override Task<OpenAIFake> StartFakeAsync() => OpenAIFake.StartNewAsync();

    [Theory, InlineData(false), InlineData(true)]
    public async Task UpstreamErrorEchoingASecretHeader_IsScrubbed(bool stream)
    {
        Fake.Enqueue(new ErrorScenario(400, $"header X-Team-Token '{TeamToken}' is not valid for this project"));
        var env = new Dictionary<string, string> { ["TEAM_TOKEN"] = TeamToken };
        var provider = ProviderFactory.Create("upstream",
            new ProviderConfig { Type = "openai-compatible", BaseUrl = Fake.BaseUrl, Headers = new() { ["X-Team-Token"] = "env:TEAM_TOKEN" } },
            new Dictionary<string, ModelConfig>(), new ProviderContext(TestProviders.Http, TimeProvider.System, name => env.GetValueOrDefault(name)));
        var request = new ChatRequest { Model = "m", Messages = [ChatMessage.User("hi")], Stream = stream };

        var ex = await Assert.ThrowsAsync<ArbiterException>(() => ProviderRuns.RunAsync(provider, request, "m"));

        Assert.Equal(TeamToken, Fake.LastRequest.Headers["x-team-token"]);
        Assert.Equal(ErrorKind.UpstreamBadRequest, ex.Error.Kind);
        Assert.DoesNotContain(TeamToken, ex.Error.Message);
        Assert.Contains("[redacted]", ex.Error.Message);
    }
}
