using Arbiter.Core.Config;
using Arbiter.Core.Providers;

namespace Arbiter.Core.Models;

/// <summary>A configured model joined with the provider that serves it.</summary>
public sealed record ModelEntry(string Name, ModelConfig Config, IChatProvider Provider)
{
    /// <summary>The provider's own id of the model.</summary>
    public string UpstreamModel { get; } = Config.Model ?? Name;
    public PriceConfig? Price => Config.Price;
    public string? Tier => Config.Tier;
}
