using Arbiter.Core.Config;
using Arbiter.Core.Models;

namespace Arbiter.Server.Orchestration;

/// <summary>A configured chain with the model each step is first served by (for authorization and admission).</summary>
internal sealed record ChainConfigured(ChainConfig Config, IReadOnlyList<ModelEntry> Models);
