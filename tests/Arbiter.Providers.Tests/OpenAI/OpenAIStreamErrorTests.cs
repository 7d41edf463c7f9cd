using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Providers;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Providers.Tests.OpenAI;

/// <summary>Errors an OpenAI(-compatible) upstream sends inside a stream that began with HTTP 200.</summary>
public sealed class OpenAIStreamErrorTests : FakeHarness<OpenAIFake>
{
    private const string ApiKey = "sk-test-SECRET-0123456789abcdef";
    private const string FirstChunk = """{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}""";
    protected override Task<OpenAIFake> StartFakeAsync() => OpenAIFake.StartNewAsync();

    private async Task<(ArbiterError Error, List<ChatStreamChunk> Received)> StreamFailsAsync(params string[] events)
    {
        Fake.Enqueue(OpenAIRawScenario.Sse(events));
        var request = new ChatRequest { Model = "client-model", Messages = [ChatMessage.User("hi")], Stream = true };
        var received = new List<ChatStreamChunk>();
        var ex = await Assert.ThrowsAsync<ArbiterException>(async () =>
        {
            await foreach (var c in TestProviders.Create(ProviderTypes.OpenAI, Fake.BaseUrl, ApiKey).StreamAsync(request, "m", CancellationToken.None))
                received.Add(c);
        });
        Assert.DoesNotContain(ApiKey, ex.ToString());
        return (ex.Error, received);
    }

    [Fact]
    public async Task RateLimitCodeAfterFirstChunk_IsRateLimited()
    {
        var (error, received) = await StreamFailsAsync(FirstChunk,
            """{"error":{"message":"Rate limit reached for gpt-4o on tokens per min.","type":"tokens","param":null,"code":"rate_limit_exceeded"}}""");

        Assert.Single(received);
        Assert.Equal(ErrorKind.RateLimited, error.Kind);
        Assert.Equal("fake-provider", error.Provider);
        Assert.Equal("provider 'fake-provider' reported an error mid-stream: rate_limit_exceeded: Rate limit reached for gpt-4o on tokens per min.", error.Message);
    }

    [Fact]
    public async Task ServerErrorTypeBeforeAnyChunk_IsUpstreamError()
    {
        var (error, received) = await StreamFailsAsync(
            """{"error":{"message":"The server had an error processing your request.","type":"server_error","code":null}}""");

        Assert.Empty(received);
        Assert.Equal(ErrorKind.UpstreamError, error.Kind);
        Assert.Contains("server_error: The server had an error", error.Message);
    }

    [Fact]
    public async Task InvalidRequestType_IsUpstreamBadRequestAndScrubsTheKey()
    {
        var (error, _) = await StreamFailsAsync(
            """{"error":{"message":"Bad value (key """ + ApiKey + """)","type":"invalid_request_error","code":"invalid_value"}}""");

        Assert.Equal(ErrorKind.UpstreamBadRequest, error.Kind);
        Assert.Contains("invalid_request_error: Bad value (key [redacted])", error.Message);
    }

    [Fact]
    public async Task ErrorAsAPlainString_IsUpstreamErrorWithTheText()
    {
        var (error, _) = await StreamFailsAsync(FirstChunk, """{"error":"upstream exploded"}""");

        Assert.Equal(ErrorKind.UpstreamError, error.Kind);
        Assert.Equal("provider 'fake-provider' reported an error mid-stream: upstream exploded", error.Message);
    }
}
