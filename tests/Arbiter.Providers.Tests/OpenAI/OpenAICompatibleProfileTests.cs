using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Providers;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Providers.Tests.OpenAI;

/// <summary>
/// How each OpenAI-compatible profile talks to its upstream (URL, auth header, token-limit field, extra headers),
/// checked on the wire against the loopback OpenAI fake, with adapters built by <see cref="ProviderFactory"/>.
/// </summary>
public sealed class OpenAICompatibleProfileTests : FakeHarness<OpenAIFake>
{
    private const string Key = "sk-profile-test-0123456789";
    protected override Task<OpenAIFake> StartFakeAsync() => OpenAIFake.StartNewAsync();

    private static IChatProvider Create(ProviderConfig config, IReadOnlyDictionary<string, string>? env = null) =>
        ProviderFactory.Create("prov", config, new Dictionary<string, ModelConfig>(),
            new ProviderContext(TestProviders.Http, TimeProvider.System, n => env is not null && env.TryGetValue(n, out var v) ? v : null));

    private static Dictionary<string, string> KeyEnv => new() { ["PROFILE_KEY"] = Key };

    private async Task<RecordedRequest> CompleteOnceAsync(IChatProvider provider, string model = "upstream-model", int? maxTokens = null)
    {
        Fake.Enqueue(new TextScenario(["ok"], FinishReason.Stop, new TokenUsage { InputTokens = 3, OutputTokens = 1 }));
        var request = new ChatRequest { Model = "client", Messages = [ChatMessage.User("hello")], MaxOutputTokens = maxTokens };
        var response = await provider.CompleteAsync(request, model, CancellationToken.None);
        Assert.Equal("ok", response.Choices[0].Message.Text);
        return Fake.LastRequest;
    }

    [Theory]
    [InlineData(null, ConfigDefaults.AzureApiVersion)]
    [InlineData("2025-01-01-preview", "2025-01-01-preview")]
    public async Task CompleteAsync_Azure_PostsToDeploymentUrlWithApiVersionAndApiKeyHeader(string? configured, string expectedVersion)
    {
        var provider = Create(new ProviderConfig { Type = "azure", BaseUrl = Fake.BaseUrl, ApiKey = "env:PROFILE_KEY", ApiVersion = configured }, KeyEnv);

        var sent = await CompleteOnceAsync(provider, model: "gpt-4o-prod");

        Assert.Equal("/v1/openai/deployments/gpt-4o-prod/chat/completions", sent.Path);
        Assert.Equal("?api-version=" + expectedVersion, sent.Query);
        Assert.Equal(Key, sent.Headers["api-key"]);
        Assert.False(sent.Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task CompleteAsync_Azure_BodyHasNoModelField()
    {
        var provider = Create(new ProviderConfig { Type = "azure", BaseUrl = Fake.BaseUrl, ApiKey = "env:PROFILE_KEY" }, KeyEnv);

        var sent = await CompleteOnceAsync(provider, model: "gpt-4o-prod");

        using var body = JsonDocument.Parse(sent.Body);
        Assert.False(body.RootElement.TryGetProperty("model", out _));
        Assert.True(body.RootElement.TryGetProperty("messages", out _));
    }

    [Fact]
    public async Task CompleteAsync_AzureDeploymentWithSpaceAndSlash_IsEscapedIntoOnePathSegment()
    {
        var handler = new RecordingHandler(RecordingHandler.CompletionBody);
        var provider = ProviderFactory.Create("prov",
            new ProviderConfig { Type = "azure", BaseUrl = "https://contoso.openai.azure.com/", ApiKey = "env:PROFILE_KEY" },
            new Dictionary<string, ModelConfig>(), new ProviderContext(new HttpClient(handler), TimeProvider.System, n => KeyEnv.GetValueOrDefault(n)));

        await provider.CompleteAsync(new ChatRequest { Model = "c", Messages = [ChatMessage.User("hi")] }, "gpt 4o/eu", CancellationToken.None);

        Assert.Equal("https://contoso.openai.azure.com/openai/deployments/gpt%204o%2Feu/chat/completions?api-version=" + ConfigDefaults.AzureApiVersion,
            handler.Last.Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("openai", "max_completion_tokens", "max_tokens")]
    [InlineData("deepseek", "max_tokens", "max_completion_tokens")]
    [InlineData("groq", "max_tokens", "max_completion_tokens")]
    [InlineData("mistral", "max_tokens", "max_completion_tokens")]
    [InlineData("openrouter", "max_tokens", "max_completion_tokens")]
    [InlineData("ollama", "max_tokens", "max_completion_tokens")]
    [InlineData("vllm", "max_tokens", "max_completion_tokens")]
    [InlineData("llamacpp", "max_tokens", "max_completion_tokens")]
    [InlineData("openai-compatible", "max_tokens", "max_completion_tokens")]
    public async Task CompleteAsync_MaxOutputTokens_WritesTheProfilesField(string type, string expectedField, string absentField)
    {
        var provider = Create(new ProviderConfig { Type = type, BaseUrl = Fake.BaseUrl, ApiKey = "env:PROFILE_KEY" }, KeyEnv);

        var sent = await CompleteOnceAsync(provider, maxTokens: 77);

        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal(77, body.RootElement.GetProperty(expectedField).GetInt32());
        Assert.False(body.RootElement.TryGetProperty(absentField, out _));
        Assert.Equal("upstream-model", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("/v1/chat/completions", sent.Path);
    }

    [Theory]
    [InlineData("ollama")]
    [InlineData("vllm")]
    [InlineData("llamacpp")]
    [InlineData("openai-compatible")]
    public async Task CompleteAsync_SelfHostedWithoutKey_SendsNoAuthorization(string type)
    {
        var provider = Create(new ProviderConfig { Type = type, BaseUrl = Fake.BaseUrl });

        var sent = await CompleteOnceAsync(provider);

        Assert.False(sent.Headers.ContainsKey("authorization"));
        Assert.False(sent.Headers.ContainsKey("api-key"));
    }

    [Theory]
    [InlineData("ollama")]
    [InlineData("vllm")]
    [InlineData("llamacpp")]
    [InlineData("openai-compatible")]
    public async Task CompleteAsync_SelfHostedWithKey_SendsBearer(string type)
    {
        var provider = Create(new ProviderConfig { Type = type, BaseUrl = Fake.BaseUrl, ApiKey = "env:PROFILE_KEY" }, KeyEnv);

        var sent = await CompleteOnceAsync(provider);

        Assert.Equal("Bearer " + Key, sent.Headers["authorization"]);
        Assert.False(sent.Headers.ContainsKey("api-key"));
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("azure")]
    [InlineData("openrouter")]
    [InlineData("ollama")]
    public async Task CompleteAsync_ConfiguredHeaders_AreSentWithEnvReferencesResolved(string type)
    {
        var env = new Dictionary<string, string> { ["PROFILE_KEY"] = Key, ["ORG_TOKEN"] = "org-secret-42" };
        var provider = Create(new ProviderConfig
        {
            Type = type, BaseUrl = Fake.BaseUrl, ApiKey = "env:PROFILE_KEY",
            Headers = new() { ["HTTP-Referer"] = "https://arbiter.example", ["X-Org-Token"] = "env:ORG_TOKEN" },
        }, env);

        var sent = await CompleteOnceAsync(provider);

        Assert.Equal("https://arbiter.example", sent.Headers["http-referer"]);
        Assert.Equal("org-secret-42", sent.Headers["x-org-token"]);
    }

    [Fact]
    public async Task StreamAsync_Azure_UsesDeploymentUrlAndApiKeyHeader()
    {
        var provider = Create(new ProviderConfig { Type = "azure", BaseUrl = Fake.BaseUrl, ApiKey = "env:PROFILE_KEY" }, KeyEnv);
        Fake.Enqueue(new TextScenario(["o", "k"], FinishReason.Stop, new TokenUsage { InputTokens = 3, OutputTokens = 2 }));
        var request = new ChatRequest { Model = "client", Messages = [ChatMessage.User("hello")], Stream = true };

        var acc = new ChatStreamAccumulator();
        await foreach (var chunk in provider.StreamAsync(request, "dep-1", CancellationToken.None)) acc.Add(chunk);

        Assert.Equal("ok", acc.Text);
        Assert.Equal("/v1/openai/deployments/dep-1/chat/completions", Fake.LastRequest.Path);
        Assert.Equal(Key, Fake.LastRequest.Headers["api-key"]);
        Assert.False(Fake.LastRequest.Headers.ContainsKey("authorization"));
        Assert.DoesNotContain("\"model\"", Fake.LastRequest.Body);
    }
}
