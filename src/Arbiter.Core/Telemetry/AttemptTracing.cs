using Arbiter.Core.Config;
using Arbiter.Core.Providers;

namespace Arbiter.Core.Telemetry;

/// <summary>Wraps a provider in <see cref="InstrumentedChatProvider"/> when tracing is configured, and leaves it bare otherwise.</summary>
public static class AttemptTracing
{
    public static IChatProvider Wrap(IChatProvider provider, ArbiterConfig config, TimeProvider time)
    {
        if (config.Observability?.TracingEnabled != true) return provider;
        var prices = new Dictionary<string, PriceConfig?>(StringComparer.Ordinal);
        foreach (var (name, model) in config.Models)
            if (model.Provider == provider.Name) prices[model.Model ?? name] = model.Price;
        return new InstrumentedChatProvider(provider, prices, time);
    }
}
