using System.Buffers;
using Arbiter.Benchmarks.Payloads;
using Arbiter.Core.Budgets;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Keys;
using Arbiter.Core.Models;
using Arbiter.Core.Providers;
using Arbiter.Core.Tokens;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// The accounting work on a keyed request's path: the key check (SHA-256 + lookup + constant-time compare), the
/// prompt-token estimate (o200k for gpt-4o-mini), and admission with a budget (estimate, reserve, settle).
/// </summary>
[MemoryDiagnoser]
public class AccountingBenchmarks
{
    private readonly KeyRing _ring = new();
    private string _key = null!;
    private VirtualKey _budgeted = null!;
    private ChatRequest _request = null!;
    private ModelEntry _model = null!;
    private AdmissionControl _admission = null!;

    [ParamsAllValues]
    public BodyKind Body { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var factory = new KeyFactory(TimeProvider.System);
        var keys = Enumerable.Range(0, 1000).Select(i => factory.Create($"k{i}", null, KeyLimits.None)).ToList();
        _key = keys[500].Plaintext;
        _ring.Replace(keys.Select(k => k.Key), []);
        _budgeted = keys[0].Key with { Limits = new KeyLimits { DailyBudgetUsd = 1_000_000m, MonthlyBudgetUsd = 10_000_000m, Rpm = int.MaxValue } };
        _request = RequestParsing.Parse(new ReadOnlySequence<byte>(RequestBodies.Of(Body)));
        _model = new ModelEntry("gpt-4o-mini", new ModelConfig { Provider = "p", Price = new PriceConfig { Input = 0.15m, Output = 0.60m } }, new NullProvider());
        _admission = new AdmissionControl(new SpendLedger(TimeProvider.System), TiktokenEstimator.Shared, new AccountingConfig());
        TiktokenEstimator.Warm();
    }

    [Benchmark]
    public bool Authenticate() => _ring.TryAuthenticate(_key, out _, out _);

    /// <summary>A prompt seen before (its long texts' counts cached), as in a conversation's later turns.</summary>
    [Benchmark]
    public long EstimatePromptTokens() => TiktokenEstimator.Shared.EstimatePromptTokens(_request, _model);

    /// <summary>A prompt never seen: every text tokenized.</summary>
    [Benchmark]
    public long EstimatePromptTokensUncached() => Uncached.EstimatePromptTokens(_request, _model);

    private static readonly TiktokenEstimator Uncached = new(cacheChars: 0);

    [Benchmark]
    public void AdmitAndSettle() => _admission.Admit(_request, [_model], _budgeted, null).Settle(0.0001m, null);

    private sealed class NullProvider : IChatProvider
    {
        public string Name => "p";
        public string Type => ProviderTypes.OpenAI;
        public ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) => throw new NotSupportedException();
        public IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
