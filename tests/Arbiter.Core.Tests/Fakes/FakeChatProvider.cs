using System.Runtime.CompilerServices;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;
using Arbiter.Core.Providers;

namespace Arbiter.Core.Tests.Fakes;

/// <summary>What a fake provider does when called.</summary>
internal enum FakeBehaviour
{
    /// <summary>Answers (or streams its pieces).</summary>
    Answer,
    /// <summary>Throws <see cref="FakeChatProvider.FailWith"/> (for a stream: after its pieces, none by default).</summary>
    Fail,
    /// <summary>Waits until cancelled (for a stream: after its pieces).</summary>
    Hang,
}

/// <summary>A scripted <see cref="IChatProvider"/>: answers, fails with a given error kind, or hangs until cancelled.</summary>
internal sealed class FakeChatProvider(string name, FakeBehaviour behaviour = FakeBehaviour.Answer) : IChatProvider
{
    private int _completeCalls, _streamCalls;

    public string Name => name;
    public string Type => "fake";
    public ErrorKind FailWith { get; init; } = ErrorKind.UpstreamError;
    /// <summary>The pieces a stream sends before it ends, fails or hangs; the text of a completion.</summary>
    public string[] Pieces { get; init; } = ["Hello", " from ", name];
    /// <summary>What a completion waits for before it answers (as cancellable as an upstream call).</summary>
    public Task? Gate { get; init; }
    public int CompleteCalls => _completeCalls;
    public int StreamCalls => _streamCalls;
    public List<string> UpstreamModels { get; } = [];

    public ArbiterError Error => new(FailWith, $"{name} failed ({FailWith})") { Provider = name };

    public async ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _completeCalls);
        lock (UpstreamModels) UpstreamModels.Add(upstreamModel);
        await Task.Yield();
        if (Gate is { } gate) await gate.WaitAsync(cancellationToken);
        switch (behaviour)
        {
            case FakeBehaviour.Fail: throw Error.ToException();
            case FakeBehaviour.Hang: await Task.Delay(Timeout.Infinite, cancellationToken); break;
        }
        return new ChatResponse
        {
            Id = "resp-" + name,
            Created = 1,
            Model = upstreamModel,
            Choices = [new ChatChoice(0, ChatMessage.Assistant(string.Concat(Pieces)), FinishReason.Stop)],
        };
    }

    public IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _streamCalls);
        lock (UpstreamModels) UpstreamModels.Add(upstreamModel);
        return Stream(upstreamModel, cancellationToken);
    }

    private async IAsyncEnumerable<ChatStreamChunk> Stream(string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var piece in Pieces)
        {
            await Task.Yield();
            yield return Chunk(model, piece);
        }
        switch (behaviour)
        {
            case FakeBehaviour.Fail: throw Error.ToException();
            case FakeBehaviour.Hang: await Task.Delay(Timeout.Infinite, cancellationToken); break;
        }
    }

    public static ChatStreamChunk Chunk(string model, string content) => new()
    {
        Id = "chunk-" + model,
        Created = 1,
        Model = model,
        Choices = [new StreamChoice(0, new StreamDelta { Content = content })],
    };
}

/// <summary>Builds a <see cref="ModelCatalog"/> from fake providers: each model named after its provider unless told otherwise.</summary>
internal static class FakeCatalog
{
    public static ModelCatalog Of(params FakeChatProvider[] providers) =>
        Of(providers.Select(p => (p.Name + "-model", p)).ToArray());

    public static ModelCatalog Of(params (string Model, FakeChatProvider Provider)[] models)
    {
        var config = new ArbiterConfig();
        var byName = new Dictionary<string, IChatProvider>(StringComparer.Ordinal);
        foreach (var (model, provider) in models)
        {
            config.Providers[provider.Name] = new ProviderConfig { Type = provider.Type };
            config.Models[model] = new ModelConfig { Provider = provider.Name, Model = "upstream-" + model };
            byName[provider.Name] = provider;
        }
        return new ModelCatalog(config, byName);
    }
}
