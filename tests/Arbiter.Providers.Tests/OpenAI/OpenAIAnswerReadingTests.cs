using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Providers;
using Arbiter.Providers.Http;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Providers.Tests.OpenAI;

/// <summary>
/// How a non-streamed answer's body is read (whole, into a pooled buffer that grows, then parsed from its bytes):
/// with and without a Content-Length, larger than the first buffer, broken, or too large to hold.
/// </summary>
public sealed class OpenAIAnswerReadingTests : FakeHarness<OpenAIFake>
{
    private static readonly ChatRequest Request = new() { Model = "client-model", Messages = [ChatMessage.User("hi")] };

    protected override Task<OpenAIFake> StartFakeAsync() => OpenAIFake.StartNewAsync();

    private static string Completion(string content) =>
        "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion\",\"created\":7,\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":"
        + "{\"role\":\"assistant\",\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7}}";

    private Task<ChatResponse> CompleteAsync() =>
        TestProviders.Create(ProviderTypes.OpenAI, Fake.BaseUrl, "sk-test").CompleteAsync(Request, "m", CancellationToken.None).AsTask();

    [Theory]
    [InlineData(false, 10)]
    [InlineData(true, 10)]
    [InlineData(false, 300_000)]
    [InlineData(true, 300_000)]
    public async Task CompleteAsync_AnswerOfAnySize_IsReadWhole(bool withContentLength, int contentChars)
    {
        var content = new string('a', contentChars - 1) + "z";
        Fake.Enqueue(new OpenAIRawScenario(Completion(content), WithContentLength: withContentLength));

        var answer = await CompleteAsync();

        Assert.Equal(content, answer.Choices[0].Message.Text);
        Assert.Equal("chatcmpl-9", answer.Id);
        Assert.Equal(7, answer.Usage!.TotalTokens);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"id":"chatcmpl-9","choices":[{"index":0,"message":{"content":"cut off""")]
    [InlineData("")]
    public async Task CompleteAsync_UnreadableAnswer_IsAnUpstreamErrorNamingTheProvider(string body)
    {
        Fake.Enqueue(new OpenAIRawScenario(body, WithContentLength: true));

        var ex = await Assert.ThrowsAsync<ArbiterException>(CompleteAsync);

        Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
        Assert.Equal("fake-provider", ex.Error.Provider);
        Assert.Contains("sent an answer that could not be read", ex.Error.Message);
    }

    [Fact]
    public async Task CompleteAsync_AnswerOverTheLimit_IsRefusedNotBuffered()
    {
        Fake.Enqueue(new OpenAIRawScenario(Completion(new string('a', UpstreamCall.MaxAnswerBytes))));

        var ex = await Assert.ThrowsAsync<ArbiterException>(CompleteAsync);

        Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
        Assert.Contains($"larger than {UpstreamCall.MaxAnswerBytes / (1024 * 1024)} MiB", ex.Error.Message);
    }
}
