using Arbiter.Core.Chat;
using Arbiter.Core.Errors;

namespace Arbiter.Providers.Tests.Anthropic;

/// <summary>Anthropic <c>error</c> events inside a stream that began with HTTP 200, mapped by their error type.</summary>
public sealed class AnthropicStreamErrorTests : AnthropicFakeTestBase
{
    private static readonly (string, string) Start = ("message_start",
        """{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-x","content":[],"usage":{"input_tokens":5,"output_tokens":1}}}""");

    private static readonly (string, string)[] OneTextChunk =
    [
        ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
        ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}"""),
    ];

    private static (string, string) Error(string type, string message) =>
        ("error", $$$"""{"type":"error","error":{"type":"{{{type}}}","message":"{{{message}}}"}}""");

    private async Task<(ArbiterError Error, List<ChatStreamChunk> Received)> StreamFailsAsync(params (string, string)[] events)
    {
        Fake.Enqueue(AnthropicRawScenario.Sse(events));
        var received = new List<ChatStreamChunk>();
        var ex = await Assert.ThrowsAsync<ArbiterException>(() =>
            CollectAsync(Provider().StreamAsync(Request(), UpstreamModel, CancellationToken.None), received));
        Assert.DoesNotContain(ApiKey, ex.ToString());
        return (ex.Error, received);
    }

    [Fact]
    public async Task RateLimitErrorAfterText_IsRateLimitedMidStream()
    {
        var (error, received) = await StreamFailsAsync([Start, .. OneTextChunk, Error("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")]);

        Assert.Single(received);
        Assert.Equal(ErrorKind.RateLimited, error.Kind);
        Assert.Equal("fake-provider", error.Provider);
        Assert.Equal("provider 'fake-provider' reported an error mid-stream: rate_limit_error: Number of request tokens has exceeded your per-minute rate limit", error.Message);
    }

    [Theory]
    [InlineData("overloaded_error", ErrorKind.UpstreamError)]
    [InlineData("api_error", ErrorKind.UpstreamError)]
    [InlineData("invalid_request_error", ErrorKind.UpstreamBadRequest)]
    [InlineData("permission_error", ErrorKind.UpstreamAuth)]
    [InlineData("some_future_error", ErrorKind.UpstreamError)]
    public async Task ErrorEventBeforeText_MapsTypeToKindBeforeTheFirstChunk(string type, ErrorKind expected)
    {
        var (error, received) = await StreamFailsAsync(Start, Error(type, "went wrong"));

        Assert.Empty(received);
        Assert.Equal(expected, error.Kind);
        Assert.Contains($"mid-stream: {type}", error.Message);
    }

    [Fact]
    public async Task AuthenticationErrorQuotingTheKey_NeverEchoesIt()
    {
        var (error, _) = await StreamFailsAsync(Start, Error("authentication_error", "invalid x-api-key " + ApiKey[..12]));

        Assert.Equal(ErrorKind.UpstreamAuth, error.Kind);
        Assert.DoesNotContain(ApiKey[..12], error.Message);
        Assert.Contains("authentication_error", error.Message);
    }
}
