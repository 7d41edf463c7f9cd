using System.Runtime.CompilerServices;
using Arbiter.Core.Chat;
using Arbiter.Core.Providers;

namespace Arbiter.Core.Tests.Orchestration;

/// <summary>
/// A provider whose answer per model is a function of the request (so a test can script judges, supervisors, planners
/// and failing steps), with usage so costs are real; counts calls per model.
/// </summary>
internal sealed class ScriptedProvider(Func<string, ChatRequest, string> answer) : IChatProvider
{
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

    public string Name => "scripted";
    public string Type => "fake";
    /// <summary>Awaited before answering (a test holds calls here to make them overlap).</summary>
    public Func<string, ChatRequest, CancellationToken, Task>? Before { get; set; }

    public int Calls(string model) { lock (_calls) return _calls.GetValueOrDefault(model); }

    public List<(string Model, ChatRequest Request)> Requests { get; } = [];

    public async ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls[upstreamModel] = _calls.GetValueOrDefault(upstreamModel) + 1;
            Requests.Add((upstreamModel, request));
        }
        await Task.Yield();
        if (Before is { } before) await before(upstreamModel, request, cancellationToken);
        var text = answer(upstreamModel, request);
        return new ChatResponse
        {
            Id = "resp-" + upstreamModel,
            Created = 1,
            Model = upstreamModel,
            Choices = [new ChatChoice(0, ChatMessage.Assistant(text), FinishReason.Stop)],
            Usage = new TokenUsage { InputTokens = 10, OutputTokens = 5 },
        };
    }

    public async IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = await CompleteAsync(request, upstreamModel, cancellationToken);
        yield return new ChatStreamChunk
        {
            Id = response.Id, Created = 1, Model = upstreamModel,
            Choices = [new StreamChoice(0, new StreamDelta { Role = ChatRole.Assistant, Content = response.Choices[0].Message.Text }, FinishReason.Stop)],
        };
        yield return new ChatStreamChunk { Id = response.Id, Created = 1, Model = upstreamModel, Usage = response.Usage };
    }
}
