using Arbiter.Core.Budgets;
using Arbiter.Core.Chat;
using Arbiter.Core.Models;
using Arbiter.Core.Config;
using Arbiter.Core.Orchestration.Chains;
using Arbiter.Core.Orchestration.Sessions;
using Arbiter.Core.Orchestration.Workers;
using Arbiter.Core.Orchestration.Calls;
using Arbiter.Core.Orchestration.Ensembles;
using Arbiter.Core.Orchestration.Governance;
using Arbiter.Server.Auth;
using Arbiter.Server.Hosting;
using Arbiter.Storage;

namespace Arbiter.Server.Orchestration;

/// <summary>The runners of models working together, built once over the gateway's router, executor and cost governor.</summary>
internal sealed class OrchestrationServices
{
    public OrchestrationServices(GatewayRuntime runtime, GatewayAccess access)
    {
        Runtime = runtime;
        Access = access;
        Caller = new RoutedModelCaller(runtime.Router, runtime.Executor, runtime.Models, runtime.Time, runtime.Cascade);
        Calls = new FanOutCalls(Caller, new TicketFanOutGovernor(access.Governor));
        Ensembles = new EnsembleRunner(Calls);
        Stronger = new StrongerModels(runtime.Config, runtime.Router);
        Chains = new ChainRunner(Calls, Stronger, runtime.Time);
        Orchestrators = new OrchestratorRunner(Calls, Stronger);
        ISessionStore store = access.Storage.Database is { } database ? new SqlSessionStore(database) : new InMemorySessionStore();
        var sessions = runtime.Config.Sessions ?? new SessionsConfig();
        Sessions = new SessionEngine(store, new SessionRules(sessions.ReadOnlyPaths ?? ["/constraints"]), runtime.Time, new SystemTextJsonPatchApplier());
        Turns = new SessionTurns(Sessions, Calls, sessions.MaxConflictRetries);
        SessionModel = sessions.Model ?? (runtime.Config.Routes.ContainsKey("auto") ? "auto" : runtime.Config.Models.Keys.First());
    }

    public GatewayRuntime Runtime { get; }
    public GatewayAccess Access { get; }
    public IModelCaller Caller { get; }
    public FanOutCalls Calls { get; }
    public EnsembleRunner Ensembles { get; }
    public StrongerModels Stronger { get; }
    public ChainRunner Chains { get; }
    public OrchestratorRunner Orchestrators { get; }
    public SessionEngine Sessions { get; }
    public SessionTurns Turns { get; }
    /// <summary>Who answers a turn that names no model.</summary>
    public string SessionModel { get; }

    /// <summary>The model a target (model or route) is first served by.</summary>
    public ModelEntry FirstModel(string target) =>
        Runtime.Router.Plan(new ChatRequest { Model = target, Messages = [ChatMessage.User("")] }).Candidates[0];

    /// <summary>The budget of one composite request: the mode's own cap over the request's admission ticket.</summary>
    public static FanOutBudget Budget(AdmissionTicket ticket, decimal? modeCap) => new(ticket, modeCap);
}
