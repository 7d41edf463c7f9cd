using Arbiter.Core.Config;
using Arbiter.Core.Providers;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Providers.Tests.Anthropic;

public sealed class AnthropicConformanceTests : ChatProviderConformanceTests
{
    protected override async Task<IProviderFake> StartFakeAsync() => await AnthropicFake.StartNewAsync();

    protected override IChatProvider CreateProvider(string baseUrl, string apiKey) =>
        TestProviders.Create(ProviderTypes.Anthropic, baseUrl, apiKey);

    protected override void AssertAuthenticated(RecordedRequest request, string apiKey)
    {
        Assert.Equal(apiKey, request.Headers["x-api-key"]);
        Assert.Equal(ConfigDefaults.AnthropicVersion, request.Headers["anthropic-version"]);
        Assert.False(request.Headers.ContainsKey("authorization"), "the key travels in x-api-key only");
    }
}
