using Arbiter.Benchmarks.Fakes;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Execution;
using Arbiter.Core.Models;
using Arbiter.Core.Providers;
using Arbiter.Core.Routing;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// The executor's own cost on the no-fault, single-deployment path: a provider that answers at once, called directly
/// (the baseline) and through the executor with the default resilience settings (total timeout, retry, circuit
/// breaker and call timeout, all Polly, plus deployment selection and the attempt record).
/// </summary>
[MemoryDiagnoser]
public class ExecutorBenchmarks
{
    private static readonly ChatRequest Request = new() { Model = "bench", Messages = [ChatMessage.User("Hello there, how are you today?")] };
    private readonly InstantChatProvider _provider = new();
    private ChatExecutor _executor = null!;
    private RoutePlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        var config = new ArbiterConfig { Models = { ["bench"] = new ModelConfig { Provider = "instant", ContextWindow = 128_000 } } };
        var catalog = new ModelCatalog(config, new Dictionary<string, IChatProvider> { ["instant"] = _provider });
        _executor = new ChatExecutor(config.Resilience, TimeSpan.FromSeconds(600), TimeProvider.System, catalog);
        _plan = new RoutePlan("bench", [catalog["bench"]], "bench");
    }

    [Benchmark(Baseline = true)]
    public async Task<int> ProviderDirect()
    {
        var response = await _provider.CompleteAsync(Request, "bench", CancellationToken.None);
        return response.Choices.Count;
    }

    [Benchmark]
    public async Task<int> ExecutorComplete()
    {
        var outcome = await _executor.CompleteAsync(Request, _plan, CancellationToken.None);
        return outcome.Response!.Choices.Count;
    }

    [Benchmark]
    public async Task<int> ExecutorStream()
    {
        await using var outcome = await _executor.OpenStreamAsync(Request, _plan, CancellationToken.None);
        var n = 1;
        while (await outcome.MoveNextAsync()) n++;
        return n;
    }
}
