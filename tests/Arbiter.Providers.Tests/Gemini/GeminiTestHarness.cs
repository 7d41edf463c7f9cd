using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Providers;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Providers.Tests.Gemini;

/// <summary>A started <see cref="GeminiFake"/> with an adapter pointed at it, for the Gemini-specific tests.</summary>
public abstract class GeminiTestHarness : FakeHarness<GeminiFake>
{
    protected const string ApiKey = "AIzaSyFAKE-test-key-0123456789";
    protected const string UpstreamModel = "gemini-test-1";

    protected override Task<GeminiFake> StartFakeAsync() => GeminiFake.StartNewAsync();

    protected IChatProvider Provider() => TestProviders.Create(ProviderTypes.Gemini, Fake.BaseUrl, ApiKey);

    protected static ChatRequest Request(bool stream, params ChatMessage[] messages) => new()
    {
        Model = "client-model",
        Messages = messages.Length > 0 ? messages : [ChatMessage.User("Say hello.")],
        Stream = stream,
    };

    /// <summary>Runs the request streamed or not; streamed chunks are folded back into one answer.</summary>
    protected Task<ChatResponse> RunAsync(ChatRequest request) => ProviderRuns.RunAsync(Provider(), request, UpstreamModel);

    protected async Task<ArbiterError> FailsAsync(ChatRequest request)
    {
        var ex = await Assert.ThrowsAsync<ArbiterException>(() => RunAsync(request));
        return ex.Error;
    }

    /// <summary>The body the fake received, parsed.</summary>
    protected JsonElement SentBody() => JsonDocument.Parse(Fake.LastRequest.Body).RootElement;

    protected static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}
