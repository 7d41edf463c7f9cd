using Arbiter.Core.Models;
using Arbiter.Core.Orchestration;
using Arbiter.Core.Orchestration.Governance;

namespace Arbiter.Server.Orchestration;

/// <summary>A composite request resolved from its model name: the models it uses (for authorization and admission), its own cost cap, and how to run it.</summary>
internal sealed record CompositeJob(IReadOnlyList<ModelEntry> Models, decimal? MaxCostUsd, Func<FanOutBudget, CancellationToken, Task<CompositeResult>> Run);
