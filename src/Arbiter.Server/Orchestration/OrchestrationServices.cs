using Arbiter.Core.Orchestration.Calls;
using Arbiter.Core.Orchestration.Ensembles;
using Arbiter.Core.Orchestration.Governance;
using Arbiter.Server.Hosting;

namespace Arbiter.Server.Orchestration;

/// <summary>The runners of models working together, built once over the gateway's router and executor.</summary>
internal sealed class OrchestrationServices
{
    public OrchestrationServices(GatewayRuntime runtime, IFanOutGovernor? governor = null)
    {
        Runtime = runtime;
        Caller = new RoutedModelCaller(runtime.Router, runtime.Executor, runtime.Models, runtime.Time, runtime.Cascade);
        Governor = governor ?? new FanOutGovernor(runtime.Time, maxExtraCallsPerMinute: null);
        Calls = new FanOutCalls(Caller, Governor);
        Ensembles = new EnsembleRunner(Calls);
    }

    public GatewayRuntime Runtime { get; }
    public IModelCaller Caller { get; }
    public IFanOutGovernor Governor { get; }
    public FanOutCalls Calls { get; }
    public EnsembleRunner Ensembles { get; }

    /// <summary>The budget of one composite request: its own cap (the lower of the mode's and the global one) and its key.</summary>
    public FanOutBudget Budget(decimal? modeCap, string? keyId) => new(keyId, modeCap);
}
