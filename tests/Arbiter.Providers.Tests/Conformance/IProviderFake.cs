using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Providers.Tests.Conformance;

/// <summary>A loopback server speaking one provider's wire format, scripted with <see cref="FakeScenario"/>s.</summary>
public interface IProviderFake : IAsyncDisposable
{
    /// <summary>The base URL to configure the provider with.</summary>
    string BaseUrl { get; }
    /// <summary>The next request is answered with this scenario (streamed or not, as the request asks).</summary>
    void Enqueue(FakeScenario scenario);
    RecordedRequest LastRequest { get; }
}
