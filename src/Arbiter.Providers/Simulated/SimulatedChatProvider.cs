using System.Runtime.CompilerServices;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Providers;

namespace Arbiter.Providers.Simulated;

/// <summary>
/// A built-in stand-in for a real model, clearly labelled as such (<c>arbiter.simulated = true</c> on every
/// answer). Deterministic for a seed: the same request gets the same words, tokens and timing; latency and
/// failures follow each model's <see cref="SimulationConfig"/>, waited on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class SimulatedChatProvider(
    string name, int seed, IReadOnlyDictionary<string, SimulationConfig> models, TimeProvider time) : IChatProvider
{
    private const int TokensPerChunk = 4;
    private static readonly IReadOnlyDictionary<string, string> Metadata =
        new Dictionary<string, string> { ["simulated"] = "true", ["simulator"] = "arbiter built-in simulator: not a real model" };

    private readonly Random _failures = new(seed);
    private readonly Lock _failuresGate = new();
    private long _calls;

    public string Name => name;
    public string Type => ProviderTypes.Simulated;

    public async ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken)
    {
        var (sim, random, id) = Begin(request, upstreamModel);
        var answer = SimulatedAnswerComposer.Compose(request, upstreamModel, sim, random, Closed(request));
        await Delay(sim.TtftMs + answer.Usage.OutputTokens * 1000.0 / sim.TokensPerSecond, sim, random, cancellationToken).ConfigureAwait(false);
        var message = new ChatMessage
        {
            Role = ChatRole.Assistant,
            Text = answer.Text,
            ToolCalls = answer.Call is null ? null : [answer.Call],
        };
        return new ChatResponse
        {
            Id = id,
            Created = time.GetUtcNow().ToUnixTimeSeconds(),
            Model = upstreamModel,
            Choices = [new ChatChoice(0, message, answer.Finish)],
            Usage = answer.Usage,
            SystemFingerprint = "arbiter-simulator",
            ProviderMetadata = Metadata,
        };
    }

    public async IAsyncEnumerable<ChatStreamChunk> StreamAsync(
        ChatRequest request, string upstreamModel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (sim, random, id) = Begin(request, upstreamModel);
        var answer = SimulatedAnswerComposer.Compose(request, upstreamModel, sim, random, Closed(request));
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        ChatStreamChunk Chunk(StreamDelta delta, FinishReason? finish = null) => new()
        {
            Id = id, Created = created, Model = upstreamModel, SystemFingerprint = "arbiter-simulator",
            Choices = [new StreamChoice(0, delta, finish)],
        };

        await Delay(sim.TtftMs, sim, random, cancellationToken).ConfigureAwait(false);
        yield return Chunk(new StreamDelta { Role = ChatRole.Assistant, Content = "" }) with { ProviderMetadata = Metadata };
        if (answer.Call is { } call)
        {
            yield return Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(0, call.Id, call.Name, "")] });
            foreach (var piece in Pieces(call.Arguments, 16))
            {
                await Delay(TokensPerChunk * 1000.0 / sim.TokensPerSecond, sim, random, cancellationToken).ConfigureAwait(false);
                yield return Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(0, null, null, piece)] });
            }
        }
        else
        {
            foreach (var piece in WordPieces(answer.Text ?? ""))
            {
                await Delay(TokensPerChunk * 1000.0 / sim.TokensPerSecond, sim, random, cancellationToken).ConfigureAwait(false);
                yield return Chunk(new StreamDelta { Content = piece });
            }
        }
        yield return Chunk(StreamDelta.Empty, answer.Finish);
        yield return new ChatStreamChunk { Id = id, Created = created, Model = upstreamModel, Usage = answer.Usage, SystemFingerprint = "arbiter-simulator" };
    }

    /// <summary>Settings, a generator seeded by (seed, model, prompt), the id; and the configured share of failures.</summary>
    private (SimulationConfig Sim, Random Random, string Id) Begin(ChatRequest request, string model)
    {
        if (!models.TryGetValue(model, out var sim))
            throw new ArbiterError(ErrorKind.ModelNotFound, $"provider '{name}' does not simulate model '{model}'") { Provider = name }.ToException();
        var promptHash = StableHash(model + "\n" + string.Join("\n", request.Messages.Select(m => m.AllText())));
        var random = new Random(unchecked((int)promptHash ^ (seed * 486187739)));
        var call = Interlocked.Increment(ref _calls);
        // Failures follow one generator over the call sequence (not the prompt), so a retry of the same prompt can
        // succeed and consecutive calls fail independently; the sequence repeats for a seed.
        if (sim.FailureRate > 0 && NextFailureDraw() < sim.FailureRate)
            throw new ArbiterError(ErrorKind.UpstreamError, $"provider '{name}' returned HTTP 503: simulated failure") { Provider = name, UpstreamStatus = 503 }.ToException();
        return (sim, random, $"chatcmpl-sim-{seed:x}-{promptHash:x8}-{call}");
    }

    /// <summary>A generator seeded by the prompt alone (not the model): every model makes the same closed choices.</summary>
    private Random Closed(ChatRequest request) =>
        new(unchecked((int)StableHash(string.Join("\n", request.Messages.Select(m => m.AllText()))) ^ (seed * 486187739)));

    private double NextFailureDraw()
    {
        lock (_failuresGate) return _failures.NextDouble();
    }

    private Task Delay(double meanMs, SimulationConfig sim, Random random, CancellationToken ct)
    {
        var ms = meanMs * (1 + sim.Jitter * (2 * random.NextDouble() - 1));
        return ms < 0.5 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(ms), time, ct);
    }

    private static IEnumerable<string> WordPieces(string text)
    {
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i += TokensPerChunk)
            yield return (i == 0 ? "" : " ") + string.Join(' ', words.Skip(i).Take(TokensPerChunk));
    }

    private static IEnumerable<string> Pieces(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size) yield return text.Substring(i, Math.Min(size, text.Length - i));
    }

    /// <summary>FNV-1a: string.GetHashCode and HashCode are randomised per process, and answers must repeat across runs.</summary>
    private static uint StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return h;
    }
}
