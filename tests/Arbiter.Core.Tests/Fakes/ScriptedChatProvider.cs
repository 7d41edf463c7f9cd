using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Providers;

namespace Arbiter.Core.Tests.Fakes;

/// <summary>What one call to a <see cref="ScriptedChatProvider"/> does.</summary>
internal enum StepKind
{
    Answer,
    Fail,
    /// <summary>Waits until cancelled, sending nothing.</summary>
    Hang,
    /// <summary>Streams its first piece, then waits until cancelled (a completion just hangs).</summary>
    FirstChunkThenHang,
    /// <summary>Answers with a refusal: no text, finish reason content_filter (as Anthropic's stop_reason refusal maps).</summary>
    Refuse,
}

internal sealed record Step(StepKind Kind, ErrorKind Error = ErrorKind.UpstreamError, TimeSpan? RetryAfter = null)
{
    public static readonly Step Answer = new(StepKind.Answer);
    public static readonly Step Hang = new(StepKind.Hang);
    public static readonly Step FirstChunkThenHang = new(StepKind.FirstChunkThenHang);
    public static readonly Step Refuse = new(StepKind.Refuse);
    public static Step Fail(ErrorKind kind = ErrorKind.UpstreamError, TimeSpan? retryAfter = null) => new(StepKind.Fail, kind, retryAfter);
}

/// <summary>A provider that plays queued <see cref="Step"/>s, one per call, then <see cref="Otherwise"/> for every later call.</summary>
internal sealed class ScriptedChatProvider(string name) : IChatProvider
{
    private readonly ConcurrentQueue<Step> _steps = new();
    private int _calls;

    public string Name => name;
    public string Type => "fake";
    public Step Otherwise { get; set; } = Step.Answer;
    public int Calls => _calls;

    public ScriptedChatProvider Then(params Step[] steps)
    {
        foreach (var s in steps) _steps.Enqueue(s);
        return this;
    }

    private Step Next()
    {
        Interlocked.Increment(ref _calls);
        return _steps.TryDequeue(out var s) ? s : Otherwise;
    }

    private ArbiterException Error(Step s) => new ArbiterError(s.Error, $"{name} failed ({s.Error})") { Provider = name, RetryAfter = s.RetryAfter }.ToException();

    public async ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken)
    {
        var step = Next();
        await Task.Yield();
        switch (step.Kind)
        {
            case StepKind.Fail: throw Error(step);
            case StepKind.Hang or StepKind.FirstChunkThenHang: await Task.Delay(Timeout.Infinite, cancellationToken); break;
        }
        return new ChatResponse
        {
            Id = "resp-" + name,
            Created = 1,
            Model = upstreamModel,
            Choices = step.Kind == StepKind.Refuse
                ? [new ChatChoice(0, ChatMessage.Assistant(""), FinishReason.ContentFilter)]
                : [new ChatChoice(0, ChatMessage.Assistant("from " + name), FinishReason.Stop)],
            Usage = new TokenUsage { InputTokens = 10, OutputTokens = 5 },
        };
    }

    public IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) =>
        Stream(Next(), upstreamModel, cancellationToken);

    private async IAsyncEnumerable<ChatStreamChunk> Stream(Step step, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        switch (step.Kind)
        {
            case StepKind.Fail: throw Error(step);
            case StepKind.Hang: await Task.Delay(Timeout.Infinite, cancellationToken); break;
        }
        yield return FakeChatProvider.Chunk(model, "from " + name);
        if (step.Kind == StepKind.FirstChunkThenHang) await Task.Delay(Timeout.Infinite, cancellationToken);
        yield return FakeChatProvider.Chunk(model, "!");
    }
}
