using Arbiter.Core.Config;
using Arbiter.Core.Providers;

namespace Arbiter.Providers.Tests.Conformance;

/// <summary>Builds adapters the way the gateway does: through <see cref="ProviderFactory"/> and an env: key reference.</summary>
public static class TestProviders
{
    public static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) });

    public static IChatProvider Create(string type, string baseUrl, string apiKey, string? apiVersion = null) =>
        ProviderFactory.Create("fake-provider",
            new ProviderConfig { Type = type, BaseUrl = baseUrl, ApiKey = "env:TEST_KEY", ApiVersion = apiVersion },
            new Dictionary<string, ModelConfig>(),
            new ProviderContext(Http, TimeProvider.System, name => name == "TEST_KEY" ? apiKey : null));
}
