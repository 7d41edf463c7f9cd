using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Arbiter.Core.Config;
using Arbiter.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Arbiter.Server.Tests.Accounting;

/// <summary>The gateway with keys on (master key set), an upstream that can hold calls, and storage the test chooses.</summary>
internal sealed class AccountingHost : IAsyncDisposable
{
    public const string Master = "master-SECRET-0123456789abcdef";
    private readonly WebApplication _app;
    private bool _stopped;

    private AccountingHost(WebApplication app, HttpClient http, CapturingLoggerProvider logs)
    {
        _app = app;
        Http = http;
        Logs = logs;
    }

    public HttpClient Http { get; }
    public CapturingLoggerProvider Logs { get; }

    public static string Config(string? storageYaml = null, bool master = true) => $$"""
        providers:
          upstream: { type: openai, base_url: "http://upstream.test/v1", api_key: "env:UPSTREAM_KEY" }
        models:
          gpt-4o-mini: { provider: upstream }
          other: { provider: upstream, model: gpt-4o }
          unpriced: { provider: upstream, model: llama3.1:70b }
        routes:
          auto: { model: gpt-4o-mini, fallbacks: [other] }
        {{(master ? "auth: { master_key: env:ARBITER_MASTER_KEY }" : "")}}
        {{storageYaml ?? "storage: { type: memory }"}}
        """;

    /// <param name="kestrel">A real Kestrel on a free port (graceful shutdown drains requests in flight); else the in-process test server.</param>
    public static async Task<AccountingHost> StartAsync(HttpMessageHandler upstream, string? config = null, ArbiterStorage? storage = null, bool kestrel = false)
    {
        var logs = new CapturingLoggerProvider();
        var env = new Dictionary<string, string> { ["UPSTREAM_KEY"] = "sk-upstream", ["ARBITER_MASTER_KEY"] = Master };
        var app = ArbiterServer.Build(new ArbiterServerOptions
        {
            Config = ConfigLoader.Parse(config ?? Config()),
            Environment = n => env.GetValueOrDefault(n),
            UpstreamHandler = upstream,
            Storage = storage,
            Port = kestrel ? 0 : null,
        }, b =>
        {
            b.Logging.AddProvider(logs);
            b.Logging.SetMinimumLevel(LogLevel.Trace);
            if (!kestrel) b.WebHost.UseTestServer();
        });
        await app.StartAsync();
        var http = kestrel
            ? new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/") }
            : app.GetTestServer().CreateClient();
        if (!kestrel) http.BaseAddress = new Uri("http://localhost/");
        return new AccountingHost(app, http, logs);
    }

    public async Task<JsonElement> AdminAsync(HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Master);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await Http.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>Creates a key; returns its id and plaintext.</summary>
    public async Task<(string Id, string Key)> CreateKeyAsync(object body)
    {
        var json = await AdminAsync(HttpMethod.Post, "admin/keys", body, HttpStatusCode.Created);
        return (json.GetProperty("id").GetString()!, json.GetProperty("key").GetString()!);
    }

    public async Task<HttpResponseMessage> ChatAsync(string? key, string model = "gpt-4o-mini", int? maxTokens = 100, string text = "Say hello to the budget test.")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions");
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Content = JsonContent.Create(new Dictionary<string, object?>
        {
            ["model"] = model,
            ["messages"] = new[] { new { role = "user", content = text } },
            ["max_tokens"] = maxTokens,
        });
        return await Http.SendAsync(request);
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
    }
}
