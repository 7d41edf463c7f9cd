using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Providers;

namespace Arbiter.Providers.Tests.Conformance;

/// <summary>
/// The behaviour every provider adapter must show, streamed and not, against a loopback fake of its wire
/// format: text, tool calls, usage, finish reasons and error mapping. A provider's test class derives from
/// this and supplies its fake and its adapter.
/// </summary>
public abstract class ChatProviderConformanceTests : FakeHarness<IProviderFake>
{
    protected const string ApiKey = "sk-test-SECRET-0123456789abcdef";
    protected const string UpstreamModel = "test-model-1";

    /// <summary>Builds the adapter under test, pointed at <paramref name="baseUrl"/> with <paramref name="apiKey"/>.</summary>
    protected abstract IChatProvider CreateProvider(string baseUrl, string apiKey);

    /// <summary>Whether the wire format reports cached input tokens.</summary>
    protected virtual bool ReportsCachedTokens => true;

    /// <summary>Checks the key travelled in the provider's auth header or query.</summary>
    protected abstract void AssertAuthenticated(Fakes.RecordedRequest request, string apiKey);

    protected static ChatRequest Request(bool stream, params ChatMessage[] messages) => new()
    {
        Model = "client-model",
        Messages = messages.Length > 0 ? messages : [ChatMessage.System("Be brief."), ChatMessage.User("Say hello.")],
        Stream = stream,
        MaxOutputTokens = 100,
    };

    protected static Task<ChatResponse> RunAsync(IChatProvider provider, ChatRequest request) =>
        ProviderRuns.RunAsync(provider, request, UpstreamModel);

    private IChatProvider Provider() => CreateProvider(Fake.BaseUrl, ApiKey);

    [Theory, InlineData(false), InlineData(true)]
    public async Task Text_ReturnsContentStopReasonAndUsage(bool stream)
    {
        Fake.Enqueue(new TextScenario(["Hello", ", ", "world", "!"], FinishReason.Stop, new TokenUsage { InputTokens = 21, OutputTokens = 4 }));

        var response = await RunAsync(Provider(), Request(stream));

        var choice = Assert.Single(response.Choices);
        Assert.Equal("Hello, world!", choice.Message.Text);
        Assert.Equal(ChatRole.Assistant, choice.Message.Role);
        Assert.Equal(FinishReason.Stop, choice.FinishReason);
        Assert.NotNull(response.Usage);
        Assert.Equal(21, response.Usage!.InputTokens);
        Assert.Equal(4, response.Usage.OutputTokens);
        AssertAuthenticated(Fake.LastRequest, ApiKey);
        Assert.Contains("Say hello.", Fake.LastRequest.Body);
        Assert.Contains("Be brief.", Fake.LastRequest.Body);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Text_Truncated_FinishReasonIsLength(bool stream)
    {
        Fake.Enqueue(new TextScenario(["Once upon", " a time"], FinishReason.Length, new TokenUsage { InputTokens = 5, OutputTokens = 100 }));

        var response = await RunAsync(Provider(), Request(stream));

        Assert.Equal(FinishReason.Length, response.Choices[0].FinishReason);
        Assert.Equal("Once upon a time", response.Choices[0].Message.Text);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task CachedInput_IsCountedInsideInputTokens(bool stream)
    {
        if (!ReportsCachedTokens) return;
        Fake.Enqueue(new TextScenario(["ok"], FinishReason.Stop, new TokenUsage { InputTokens = 1000, CachedInputTokens = 800, OutputTokens = 2 }));

        var response = await RunAsync(Provider(), Request(stream));

        Assert.Equal(1000, response.Usage!.InputTokens);
        Assert.Equal(800, response.Usage.CachedInputTokens);
        Assert.Equal(2, response.Usage.OutputTokens);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task ToolCall_ReturnsNameArgumentsAndToolCallsReason(bool stream)
    {
        Fake.Enqueue(new ToolCallScenario("call_1", "get_weather", ["{\"city\":", " \"Paris\"", ", \"unit\": \"c\"}"], new TokenUsage { InputTokens = 50, OutputTokens = 12 }));
        var request = Request(stream, ChatMessage.User("Weather in Paris?")) with
        {
            Tools = [new ToolDefinition
            {
                Name = "get_weather",
                Description = "Current weather for a city",
                Parameters = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string"}},"required":["city"]}""").RootElement,
            }],
            ToolChoice = ToolChoice.Auto,
        };

        var response = await RunAsync(Provider(), request);

        var choice = Assert.Single(response.Choices);
        var call = Assert.Single(choice.Message.ToolCalls!);
        Assert.Equal("get_weather", call.Name);
        Assert.False(string.IsNullOrEmpty(call.Id));
        using var args = JsonDocument.Parse(call.Arguments);
        Assert.Equal("Paris", args.RootElement.GetProperty("city").GetString());
        Assert.Equal("c", args.RootElement.GetProperty("unit").GetString());
        Assert.Equal(FinishReason.ToolCalls, choice.FinishReason);
        Assert.Contains("get_weather", Fake.LastRequest.Body);
        Assert.Contains("Current weather for a city", Fake.LastRequest.Body);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task ToolResult_IsSentBackInTheProvidersShape(bool stream)
    {
        Fake.Enqueue(new TextScenario(["It is 18 C."], FinishReason.Stop, new TokenUsage { InputTokens = 80, OutputTokens = 6 }));
        var request = Request(stream,
            ChatMessage.User("Weather in Paris?"),
            new ChatMessage { Role = ChatRole.Assistant, ToolCalls = [new ToolCall("call_9", "get_weather", "{\"city\":\"Paris\"}")] },
            new ChatMessage { Role = ChatRole.Tool, ToolCallId = "call_9", Text = "{\"temp_c\": 18}" }) with
        {
            Tools = [new ToolDefinition { Name = "get_weather", Parameters = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}}}""").RootElement }],
        };

        var response = await RunAsync(Provider(), request);

        Assert.Equal("It is 18 C.", response.Choices[0].Message.Text);
        var body = Fake.LastRequest.Body;
        Assert.Contains("call_9", body);
        Assert.Contains("temp_c", body);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task RateLimited_Is429WithRetryAfter(bool stream)
    {
        Fake.Enqueue(new ErrorScenario(429, "Rate limit reached for requests", RetryAfterSeconds: 7));

        var error = await AssertFailsAsync(Request(stream));

        Assert.Equal(ErrorKind.RateLimited, error.Kind);
        Assert.Equal(429, error.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task ServerError_IsUpstreamErrorNamingTheProvider(bool stream)
    {
        Fake.Enqueue(new ErrorScenario(500, "The server had an error while processing your request"));

        var error = await AssertFailsAsync(Request(stream));

        Assert.Equal(ErrorKind.UpstreamError, error.Kind);
        Assert.Equal(502, error.HttpStatus);
        Assert.Equal("fake-provider", error.Provider);
        Assert.Contains("fake-provider", error.Message);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task UpstreamNotFound_IsRetryableUpstreamErrorNotModelNotFound(bool stream)
    {
        Fake.Enqueue(new ErrorScenario(404, "The model test-model-1 does not exist"));

        var error = await AssertFailsAsync(Request(stream));

        Assert.Equal(ErrorKind.UpstreamError, error.Kind);
        Assert.Equal(502, error.HttpStatus);
        Assert.True(ErrorCatalog.IsRetryable(error.Kind));
        Assert.Contains("404", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task BadRequest_PassesTheProvidersMessage(bool stream)
    {
        Fake.Enqueue(new ErrorScenario(400, "Invalid value for temperature"));

        var error = await AssertFailsAsync(Request(stream));

        Assert.Equal(ErrorKind.UpstreamBadRequest, error.Kind);
        Assert.Equal(400, error.HttpStatus);
        Assert.Contains("Invalid value for temperature", error.Message);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task RequestTooLarge413_IsPayloadTooLargeNotContextOverflow(bool stream)
    {
        Fake.Enqueue(new ErrorScenario(413, "Request exceeds the maximum allowed number of bytes."));

        var error = await AssertFailsAsync(Request(stream));

        Assert.Equal(ErrorKind.PayloadTooLarge, error.Kind);
        Assert.Equal(413, error.HttpStatus);
        Assert.Equal("fake-provider", error.Provider);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Unauthorized_NeverEchoesTheKey(bool stream)
    {
        Fake.Enqueue(new ErrorScenario(401, "Incorrect API key provided: " + ApiKey));

        var error = await AssertFailsAsync(Request(stream));

        Assert.Equal(ErrorKind.UpstreamAuth, error.Kind);
        Assert.DoesNotContain("SECRET", error.Message);
        Assert.DoesNotContain(ApiKey, error.ToString());
    }

    [Fact]
    public async Task StreamBrokenMidway_FailsAfterTheFirstChunk()
    {
        var broken = new BrokenStreamScenario("partial answer");
        Fake.Enqueue(broken);
        var received = new List<ChatStreamChunk>();

        var ex = await Assert.ThrowsAsync<ArbiterException>(async () =>
        {
            await foreach (var chunk in Provider().StreamAsync(Request(true), UpstreamModel, CancellationToken.None))
            {
                received.Add(chunk);
                broken.PieceArrived.Arrived();
            }
        });

        Assert.NotEmpty(received);
        Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task ConnectionRefused_IsUpstreamUnavailable(bool stream)
    {
        // A port that was just free: nothing listens there.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var provider = CreateProvider($"http://127.0.0.1:{port}", ApiKey);

        var ex = await Assert.ThrowsAsync<ArbiterException>(() => RunAsync(provider, Request(stream)));

        Assert.Equal(ErrorKind.UpstreamUnavailable, ex.Error.Kind);
    }

    private async Task<ArbiterError> AssertFailsAsync(ChatRequest request)
    {
        var ex = await Assert.ThrowsAsync<ArbiterException>(() => RunAsync(Provider(), request));
        return ex.Error;
    }
}
