using System.ClientModel;
using System.ClientModel.Primitives;
using Arbiter.Core.Config;
using Arbiter.Core.RequestLog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenAI;
using OpenAI.Chat;

namespace Arbiter.Server.Tests;

/// <summary>The whole gateway host, in process (ASP.NET's test server), with the OpenAI .NET SDK as its client.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    public InMemoryRequestStore Store { get; }
    public HttpClient Http { get; }

    private GatewayHost(WebApplication app, InMemoryRequestStore store)
    {
        _app = app;
        Store = store;
        Http = app.GetTestServer().CreateClient();
        Http.BaseAddress = new Uri("http://localhost/");
    }

    public static Task<GatewayHost> StartDefaultAsync() =>
        StartAsync(DefaultConfiguration.Build(_ => null));

    public static Task<GatewayHost> StartYamlAsync(string yaml, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(ConfigLoader.Parse(yaml), environment);

    public static async Task<GatewayHost> StartAsync(ArbiterConfig config, IReadOnlyDictionary<string, string>? environment = null,
        Action<WebApplicationBuilder>? configure = null, TimeProvider? time = null)
    {
        var store = new InMemoryRequestStore();
        var app = ArbiterServer.Build(new ArbiterServerOptions
        {
            Config = config,
            Environment = name => environment is not null && environment.TryGetValue(name, out var v) ? v : null,
            RequestStore = store,
            Time = time ?? TimeProvider.System,
        }, builder =>
        {
            builder.WebHost.UseTestServer();
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new GatewayHost(app, store);
    }

    public IServiceProvider Services => _app.Services;

    public ChatClient Chat(string model) => new(model, new ApiKeyCredential("sk-client-key"), new OpenAIClientOptions
    {
        Endpoint = new Uri("http://localhost/v1"),
        Transport = new HttpClientPipelineTransport(Http),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
    });

    /// <summary>
    /// Waits until the request log holds the record (it is written off the request path), up to 10 s: a loaded CI
    /// machine can take seconds to get to it.
    /// </summary>
    public async Task<RequestRecord> RecordAsync(string requestId)
    {
        for (var i = 0; i < 1_000; i++)
        {
            if (Store.Find(requestId) is { } r) return r;
            await Task.Delay(10);
        }
        throw new TimeoutException($"no request record for {requestId}");
    }

    /// <summary>Waits until the request log holds a record and returns the newest (for tests that send one request).</summary>
    public async Task<RequestRecord> LatestRecordAsync()
    {
        for (var i = 0; i < 1_000; i++)
        {
            if (Store.Recent(1) is [var record]) return record;
            await Task.Delay(10);
        }
        throw new TimeoutException("no request record");
    }

    /// <summary>Asks <paramref name="model"/> one user message through the SDK and returns the answer's text, streamed or not.</summary>
    public async Task<string> AskTextAsync(string model, string prompt, bool stream, ChatCompletionOptions? options = null)
    {
        var chat = Chat(model);
        List<ChatMessage> messages = [new UserChatMessage(prompt)];
        if (!stream) return (await chat.CompleteChatAsync(messages, options)).Value.Content[0].Text;
        var text = new System.Text.StringBuilder();
        await foreach (var u in chat.CompleteChatStreamingAsync(messages, options))
            foreach (var part in u.ContentUpdate) text.Append(part.Text);
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
