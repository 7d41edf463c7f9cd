using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Providers;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Providers.Tests.Anthropic;

/// <summary>An <see cref="AnthropicFake"/> per test and the adapter pointed at it, built through the factory.</summary>
public abstract class AnthropicFakeTestBase : FakeHarness<AnthropicFake>
{
    protected const string ApiKey = "sk-ant-test-0123456789abcdef";
    protected const string UpstreamModel = "claude-test-1";

    protected override Task<AnthropicFake> StartFakeAsync() => AnthropicFake.StartNewAsync();

    protected IChatProvider Provider(string? apiVersion = null) =>
        TestProviders.Create(ProviderTypes.Anthropic, Fake.BaseUrl, ApiKey, apiVersion);

    protected static ChatRequest Request(params ChatMessage[] messages) => new()
    {
        Model = "client-model",
        Messages = messages.Length > 0 ? messages : [ChatMessage.User("Say hello.")],
    };

    /// <summary>A plain "ok" answer, for tests that only look at the request.</summary>
    protected void EnqueueOk() =>
        Fake.Enqueue(new TextScenario(["ok"], FinishReason.Stop, new TokenUsage { InputTokens = 10, OutputTokens = 1 }));

    /// <summary>Runs the request streamed (folding the chunks) or not, as <paramref name="stream"/> says.</summary>
    protected Task<ChatResponse> RunAsync(ChatRequest request, bool stream) =>
        ProviderRuns.RunAsync(Provider(), request with { Stream = stream }, UpstreamModel);

    /// <summary>Sends the request and returns the JSON body the fake received.</summary>
    protected async Task<JsonElement> SentBodyAsync(ChatRequest request, bool stream = false)
    {
        EnqueueOk();
        await RunAsync(request, stream);
        using var doc = JsonDocument.Parse(Fake.LastRequest.Body);
        return doc.RootElement.Clone();
    }

    protected static async Task<List<ChatStreamChunk>> CollectAsync(IAsyncEnumerable<ChatStreamChunk> stream, List<ChatStreamChunk>? into = null)
    {
        var chunks = into ?? [];
        await foreach (var chunk in stream) chunks.Add(chunk);
        return chunks;
    }

    protected static JsonElement Json(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
