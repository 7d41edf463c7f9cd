using Arbiter.Core.Providers;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Providers.Tests.Gemini;

public sealed class GeminiConformanceTests : ChatProviderConformanceTests
{
    protected override async Task<IProviderFake> StartFakeAsync() => await GeminiFake.StartNewAsync();

    protected override IChatProvider CreateProvider(string baseUrl, string apiKey) =>
        TestProviders.Create(ProviderTypes.Gemini, baseUrl, apiKey);

    protected override void AssertAuthenticated(RecordedRequest request, string apiKey)
    {
        Assert.Equal(apiKey, request.Headers["x-goog-api-key"]);
        Assert.DoesNotContain(apiKey, request.Query);
        Assert.DoesNotContain(apiKey, request.Path);
        Assert.DoesNotContain("key=", request.Query);
        Assert.False(request.Headers.ContainsKey("authorization"));
    }
}
