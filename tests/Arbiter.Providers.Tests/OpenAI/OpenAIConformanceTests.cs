using Arbiter.Core.Providers;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Providers.Tests.OpenAI;

public sealed class OpenAIConformanceTests : ChatProviderConformanceTests
{
    protected override async Task<IProviderFake> StartFakeAsync() => await OpenAIFake.StartNewAsync();

    protected override IChatProvider CreateProvider(string baseUrl, string apiKey) =>
        TestProviders.Create("openai", baseUrl, apiKey);

    protected override void AssertAuthenticated(RecordedRequest request, string apiKey) =>
        Assert.Equal("Bearer " + apiKey, request.Headers["authorization"]);
}
