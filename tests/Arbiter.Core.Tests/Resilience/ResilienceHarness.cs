using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Execution;
using Arbiter.Core.Models;
using Arbiter.Core.Providers;
using Arbiter.Core.Routing;
using Arbiter.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Arbiter.Core.Tests.Resilience;

/// <summary>
/// A catalog of scripted providers, an executor on a <see cref="FakeTimeProvider"/>, and a way to run a request
/// while moving fake time forward, so backoffs, timeouts and breaks take no real time.
/// </summary>
internal sealed class ResilienceHarness
{
    public static readonly ChatRequest Request = new() { Model = "m", Messages = [ChatMessage.User("hi")] };

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public Dictionary<string, ScriptedChatProvider> Providers { get; } = new(StringComparer.Ordinal);
    public ArbiterConfig Config { get; private set; } = new();
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public ModelCatalog Catalog { get; private set; } = null!;
    public ChatExecutor Executor { get; private set; } = null!;

    public ScriptedChatProvider Provider(string name)
    {
        if (!Providers.TryGetValue(name, out var p)) Providers[name] = p = new ScriptedChatProvider(name);
        return p;
    }

    /// <summary>Builds catalog and executor from <paramref name="models"/>; providers named in them are created as needed.</summary>
    public ResilienceHarness Build(Dictionary<string, ModelConfig> models, ResilienceConfig? resilience = null)
    {
        Config = new ArbiterConfig { Models = models, Resilience = resilience ?? new ResilienceConfig { Seed = 1 } };
        foreach (var m in models.Values)
        {
            if (!string.IsNullOrEmpty(m.Provider)) Provider(m.Provider);
            foreach (var d in m.Deployments ?? []) Provider(d.Provider);
        }
        Catalog = new ModelCatalog(Config, Providers.ToDictionary(p => p.Key, p => (IChatProvider)p.Value));
        Executor = new ChatExecutor(Config.Resilience, CallTimeout, Time, Catalog);
        return this;
    }

    public RoutePlan Plan(params string[] models) => new("test", models.Select(m => Catalog[m]).ToList(), "test");

    public Task<CompletionOutcome> Complete(ChatRequest? request = null, params string[] models) =>
        Drive(Executor.CompleteAsync(request ?? Request, Plan(models), CancellationToken.None));

    public Task<StreamOutcome> Open(params string[] models) =>
        Drive(Executor.OpenStreamAsync(Request, Plan(models), CancellationToken.None));

    /// <summary>As the <see cref="Task{T}"/> overload, for the executor's value tasks.</summary>
    public Task<T> Drive<T>(ValueTask<T> task, TimeSpan? step = null) => Drive(task.AsTask(), step);

    /// <summary>Moves fake time forward in <paramref name="step"/>s until <paramref name="task"/> completes (at most a fake hour).</summary>
    public async Task<T> Drive<T>(Task<T> task, TimeSpan? step = null)
    {
        var by = step ?? TimeSpan.FromMilliseconds(100);
        for (var i = 0; i < 36_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted) Time.Advance(by);
        }
        return await task;
    }

    /// <summary>
    /// Runs a request with the fake clock standing still, for one that needs no time to pass: <see cref="Drive{T}(Task{T}, TimeSpan?)"/>
    /// moves the clock whenever the call is not done after a millisecond of real time, so on a busy machine a call that
    /// answers at once could see 100 ms or more pass. A call that waits on the clock after all fails here after 30 s.
    /// </summary>
    public Task<CompletionOutcome> CompleteWithoutTime(params string[] models) =>
        Executor.CompleteAsync(Request, Plan(models), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Fake time elapsed since <paramref name="since"/>.</summary>
    public TimeSpan Since(DateTimeOffset since) => Time.GetUtcNow() - since;

    public static ModelConfig Single(string provider, int? contextWindow = null) => new() { Provider = provider, ContextWindow = contextWindow };

    public static ModelConfig Deployed(params string[] providers) =>
        new() { Deployments = providers.Select(p => new DeploymentConfig { Provider = p }).ToList() };

    public static ResilienceConfig NoRetries(CircuitBreakerConfig? breaker = null) => new()
    {
        Seed = 1,
        Retry = new RetryConfig { PerError = new() { ["rate_limited"] = 0, ["upstream_error"] = 0, ["upstream_unavailable"] = 0 } },
        CircuitBreaker = breaker ?? new CircuitBreakerConfig { Enabled = false },
    };
}
