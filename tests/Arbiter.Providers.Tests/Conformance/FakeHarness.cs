namespace Arbiter.Providers.Tests.Conformance;

/// <summary>A fresh loopback provider fake for every test, disposed after it.</summary>
public abstract class FakeHarness<TFake> : IAsyncLifetime where TFake : class, IProviderFake
{
    private TFake? _fake;

    protected TFake Fake => _fake ?? throw new InvalidOperationException("fake not started");

    /// <summary>Starts this test class's fake (each fake type has a <c>StartNewAsync</c>).</summary>
    protected abstract Task<TFake> StartFakeAsync();

    public async Task InitializeAsync() => _fake = await StartFakeAsync();

    public async Task DisposeAsync()
    {
        if (_fake is not null) await _fake.DisposeAsync();
    }
}
