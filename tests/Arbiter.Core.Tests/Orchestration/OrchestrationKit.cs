using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Execution;
using Arbiter.Core.Models;
using Arbiter.Core.Orchestration.Calls;
using Arbiter.Core.Orchestration.Governance;
using Arbiter.Core.Providers;
using Arbiter.Core.Routing;

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
        Governor = new FanOutGovernor(Time, maxExtraCallsPerMinute);
        Calls = new FanOutCalls(Caller, Governor);
    }

    public SettableTime Time { get; } = new() { Now = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero) };
    public ScriptedProvider Provider { get; }
    public ArbiterConfig Config { get; }
    public ModelCatalog Models { get; }
    public Router Router { get; }
    public ChatExecutor Executor { get; }
    public RoutedModelCaller Caller { get; }
    public FanOutGovernor Governor { get; }
    public FanOutCalls Calls { get; }

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
