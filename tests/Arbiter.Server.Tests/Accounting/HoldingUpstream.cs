using System.Net;
using System.Text;

namespace Arbiter.Server.Tests.Accounting;

/// <summary>
/// An OpenAI-compatible upstream (as the gateway's HTTP handler) that holds every call until <see cref="Release"/>,
/// so a test knows exactly which requests are in flight. Answers with fixed usage.
/// </summary>
internal sealed class HoldingUpstream(int promptTokens = 10, int completionTokens = 5, bool hold = true) : HttpMessageHandler
{
    private readonly TaskCompletionSource _gate = NewGate(hold);
    private int _arrived;

    public int Arrived => Volatile.Read(ref _arrived);

    public void Release() => _gate.TrySetResult();

    public async Task WaitForArrivalsAsync(int count)
    {
        for (var i = 0; i < 2000 && Arrived < count; i++) await Task.Delay(5);
        if (Arrived < count) throw new TimeoutException($"{Arrived} of {count} upstream calls arrived");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _arrived);
        await _gate.Task.WaitAsync(cancellationToken);
        var json = $$$"""
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"test-model-1",
             "choices":[{"index":0,"message":{"role":"assistant","content":"held answer"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":{{{promptTokens}}},"completion_tokens":{{{completionTokens}}},"total_tokens":{{{promptTokens + completionTokens}}}}}
            """;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }

    private static TaskCompletionSource NewGate(bool hold)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!hold) gate.SetResult();
        return gate;
    }
}
