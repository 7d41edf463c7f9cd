using Arbiter.Core.Config;

namespace Arbiter.Core.Accounting;

/// <summary>One model of the bundled price catalogue: its price and context window.</summary>
public sealed record CatalogEntry(string Model, PriceConfig Price, int? ContextWindow);
