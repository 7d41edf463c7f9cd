using Arbiter.Core.Budgets;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Execution;
using Arbiter.Core.Keys;
using Arbiter.Core.Models;
using Arbiter.Core.Orchestration.Calls;
using Arbiter.Core.Orchestration.Governance;
using Arbiter.Core.Providers;
using Arbiter.Core.Routing;
using Arbiter.Core.Tokens;

namespace Arbiter.Core.Tests.Orchestration;

/// <summary>
/// Models of three tiers (cheap/fast at $1 per million tokens in and out, mid/general at $10, top/deep at $100) over
/// one <see cref="ScriptedProvider"/>, with the router, executor and fan-out calls the runners use.
/// </summary>
internal sealed class OrchestrationKit
{
    public OrchestrationKit(Func<string, ChatRequest, string> answer, int? maxExtraCallsPerMinute = null)
    {
        Provider = new ScriptedProvider(answer);
        Config = new ArbiterConfig
        {
            Providers = { ["scripted"] = new ProviderConfig { Type = "fake" } },
            Tiers = { ["fast"] = new TierConfig { QualityBar = 0.8 }, ["general"] = new TierConfig { QualityBar = 0.9 }, ["deep"] = new TierConfig { QualityBar = 0.97 } },
            Models =
            {
                ["cheap"] = Model("fast", 1m),
                ["cheap2"] = Model("fast", 1m),
                ["mid"] = Model("general", 10m),
                ["top"] = Model("deep", 100m),
            },
        };
        Models = new ModelCatalog(Config, new Dictionary<string, IChatProvider> { ["scripted"] = Provider });
        Router = new Router(Config, Models, Router.BuiltInStrategies);
        Executor = new ChatExecutor(Time, TimeSpan.FromSeconds(30));
        Caller = new RoutedModelCaller(Router, Executor, Models, Time);
        Admission = new AdmissionControl(new SpendLedger(Time), TiktokenEstimator.Shared, new AccountingConfig { MaxExtraCallsPerMinute = maxExtraCallsPerMinute });
        Calls = new FanOutCalls(Caller, new TicketFanOutGovernor(new CostGovernor(Time)));
    }

    public SettableTime Time { get; } = new() { Now = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero) };
    public ScriptedProvider Provider { get; }
    public ArbiterConfig Config { get; }
    public ModelCatalog Models { get; }
    public Router Router { get; }
    public ChatExecutor Executor { get; }
    public RoutedModelCaller Caller { get; }
    public AdmissionControl Admission { get; }
    public FanOutCalls Calls { get; }

    /// <summary>A budget for one request: its admission ticket (per-key extra calls, the global cap) under <paramref name="maxCostUsd"/>.</summary>
    public FanOutBudget Budget(decimal? maxCostUsd = null, VirtualKey? key = null) =>
        new(Admission.Admit(Ask("budget"), [Models["cheap"]], key, null), maxCostUsd);

    public static VirtualKey Key(string id) => new() { Id = id, Name = id, Hash = id, Prefix = id, CreatedAt = DateTimeOffset.UnixEpoch };

    public static ChatRequest Ask(string question) => new() { Model = "x", Messages = [ChatMessage.User(question)] };

    /// <summary>The text of the last user message of a request.</summary>
    public static string LastUser(ChatRequest r) => r.Messages.Last(m => m.Role == ChatRole.User).AllText();

    public static string System(ChatRequest r) => r.Messages.FirstOrDefault(m => m.Role == ChatRole.System)?.AllText() ?? "";

    private static ModelConfig Model(string tier, decimal price) => new()
    {
        Provider = "scripted",
        Tier = tier,
        Price = new PriceConfig { Input = price, Output = price },
    };
}
