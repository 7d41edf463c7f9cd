using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Providers;
using Arbiter.Providers.OpenAI;

namespace Arbiter.Providers.Tests.OpenAI;

/// <summary>
/// Profile defaults and vendor quirks that need no real server: the base URL a profile falls back to, and
/// DeepSeek's usage shape. Requests go to an in-process <see cref="RecordingHandler"/>.
/// </summary>
public sealed class OpenAICompatibleDefaultsTests
{
    private const string Key = "sk-defaults-test-0123456789";

    private static IChatProvider Create(ProviderConfig config, HttpMessageHandler handler) =>
        ProviderFactory.Create("prov", config, new Dictionary<string, ModelConfig>(),
            new ProviderContext(new HttpClient(handler), TimeProvider.System, n => n == "K" ? Key : null));

    private static ChatRequest Request(bool stream = false) =>
        new() { Model = "client", Messages = [ChatMessage.User("hello")], Stream = stream };

    [Theory]
    [InlineData("openai", "https://api.openai.com/v1/chat/completions")]
    [InlineData("deepseek", "https://api.deepseek.com/v1/chat/completions")]
    [InlineData("groq", "https://api.groq.com/openai/v1/chat/completions")]
    [InlineData("mistral", "https://api.mistral.ai/v1/chat/completions")]
    [InlineData("openrouter", "https://openrouter.ai/api/v1/chat/completions")]
    [InlineData("ollama", "http://127.0.0.1:11434/v1/chat/completions")]
    [InlineData("vllm", "http://127.0.0.1:8000/v1/chat/completions")]
    [InlineData("llamacpp", "http://127.0.0.1:8080/v1/chat/completions")]
    public async Task CompleteAsync_NoBaseUrl_PostsToTheProfilesDefaultEndpoint(string type, string expectedUrl)
    {
        var handler = new RecordingHandler(RecordingHandler.CompletionBody);
        var provider = Create(new ProviderConfig { Type = type, ApiKey = "env:K" }, handler);

        var response = await provider.CompleteAsync(Request(), "m", CancellationToken.None);

        Assert.Equal("ok", response.Choices[0].Message.Text);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal(expectedUrl, sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + Key, sent.Headers["authorization"]);
    }

    [Theory]
    [InlineData("openai", "https://api.openai.com/v1")]
    [InlineData("deepseek", "https://api.deepseek.com/v1")]
    [InlineData("groq", "https://api.groq.com/openai/v1")]
    [InlineData("mistral", "https://api.mistral.ai/v1")]
    [InlineData("openrouter", "https://openrouter.ai/api/v1")]
    [InlineData("ollama", "http://127.0.0.1:11434/v1")]
    [InlineData("vllm", "http://127.0.0.1:8000/v1")]
    [InlineData("llamacpp", "http://127.0.0.1:8080/v1")]
    public void Resolve_NoBaseUrl_TakesTheProfilesDefault(string type, string expectedBaseUrl)
    {
        Assert.True(OpenAICompatibleProfiles.TryGet(type, out var profile));

        var settings = ProviderSettings.Resolve("prov", new ProviderConfig { Type = type }, profile.DefaultBaseUrl ?? "", _ => null);

        Assert.Equal(expectedBaseUrl, settings.BaseUrl);
    }

    [Fact]
    public async Task CompleteAsync_BaseUrlWithTrailingSlash_HasNoDoubleSlash()
    {
        var handler = new RecordingHandler(RecordingHandler.CompletionBody);
        var provider = Create(new ProviderConfig { Type = "openai-compatible", BaseUrl = "http://10.0.0.5:9000/v1/" }, handler);

        await provider.CompleteAsync(Request(), "m", CancellationToken.None);

        Assert.Equal("http://10.0.0.5:9000/v1/chat/completions", handler.Last.Uri.AbsoluteUri);
        Assert.False(handler.Last.Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task CompleteAsync_DeepSeekPromptCacheHitTokens_AreCachedInput()
    {
        var handler = new RecordingHandler("""
            {"id":"ds-1","object":"chat.completion","created":1700000000,"model":"deepseek-chat",
             "choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":120,"completion_tokens":9,"total_tokens":129,
                      "prompt_cache_hit_tokens":96,"prompt_cache_miss_tokens":24}}
            """);
        var provider = Create(new ProviderConfig { Type = "deepseek", ApiKey = "env:K" }, handler);

        var response = await provider.CompleteAsync(Request(), "deepseek-chat", CancellationToken.None);

        Assert.Equal(new TokenUsage { InputTokens = 120, OutputTokens = 9, CachedInputTokens = 96 }, response.Usage);
    }

    [Fact]
    public async Task StreamAsync_DeepSeekPromptCacheHitTokens_AreCachedInputOnTheUsageChunk()
    {
        const string chunk = """{"id":"ds-2","object":"chat.completion.chunk","created":1,"model":"deepseek-chat","choices":[{"index":0,"delta":{"role":"assistant","content":"hi"},"finish_reason":"stop"}]}""";
        const string usage = """{"id":"ds-2","object":"chat.completion.chunk","created":1,"model":"deepseek-chat","choices":[],"usage":{"prompt_tokens":64,"completion_tokens":1,"total_tokens":65,"prompt_cache_hit_tokens":60,"prompt_cache_miss_tokens":4}}""";
        var handler = new RecordingHandler($"data: {chunk}\n\ndata: {usage}\n\ndata: [DONE]\n\n", "text/event-stream");
        var provider = Create(new ProviderConfig { Type = "deepseek", ApiKey = "env:K" }, handler);

        var acc = new ChatStreamAccumulator();
        await foreach (var c in provider.StreamAsync(Request(stream: true), "deepseek-chat", CancellationToken.None)) acc.Add(c);

        Assert.Equal("hi", acc.Text);
        Assert.Equal(new TokenUsage { InputTokens = 64, OutputTokens = 1, CachedInputTokens = 60 }, acc.Usage);
        Assert.Contains("\"stream\":true", handler.Last.Body);
    }
}
