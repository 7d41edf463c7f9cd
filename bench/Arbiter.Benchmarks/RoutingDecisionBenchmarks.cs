using System.Buffers;
using Arbiter.Benchmarks.Fakes;
using Arbiter.Benchmarks.Payloads;
using Arbiter.Core.Chat;
using Arbiter.Core.Models;
using Arbiter.Core.Providers;
using Arbiter.Core.Routing;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>Router.Plan. The router reads only the model name, so this is parameterised by what the name resolves to, not by body.</summary>
[MemoryDiagnoser]
public class RoutingDecisionBenchmarks
{
    private Router _router = null!;
    private ChatRequest _request = null!;

    [ParamsAllValues]
    public RouteKind Target { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var config = BenchConfigs.Routing();
        var providers = new Dictionary<string, IChatProvider> { ["dummy"] = new DummyChatProvider("dummy") };
        _router = new Router(config, new ModelCatalog(config, providers), Router.BuiltInStrategies);
        var parsed = RequestParsing.Parse(new ReadOnlySequence<byte>(RequestBodies.Of(BodyKind.Bench)));
        _request = Target == RouteKind.Direct ? parsed : parsed with { Model = BenchConfigs.RouteWithFallbacks };
    }

    [Benchmark]
    public RoutePlan RoutingDecision() => _router.Plan(_request);
}
