using System.Collections.Concurrent;
using System.Text;
using Arbiter.Providers.Tests.Conformance;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Providers.Tests.Fakes;

/// <summary>Shared plumbing of the provider fakes: a scenario queue over a loopback server and SSE helpers.</summary>
public abstract class FakeBase : IProviderFake
{
    private readonly ConcurrentQueue<FakeScenario> _scenarios = new();
    private LoopbackServer? _server;

    public string BaseUrl => Server.BaseUrl + BasePath;
    public RecordedRequest LastRequest => Server.LastRequest;
    public int RequestCount => Server.Requests.Count;
    public void Enqueue(FakeScenario scenario) => _scenarios.Enqueue(scenario);

    /// <summary>Path prefix the adapter's base URL includes (e.g. <c>/v1</c>).</summary>
    protected virtual string BasePath => "";
    protected LoopbackServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task StartAsync() => _server = await LoopbackServer.StartAsync(HandleAsync);

    private async Task HandleAsync(HttpContext ctx, RecordedRequest request)
    {
        if (!_scenarios.TryDequeue(out var scenario))
        {
            await WriteAsync(ctx, 500, "application/json", "{\"error\":{\"message\":\"fake: no scenario queued\"}}");
            return;
        }
        while (scenario is DelayedScenario delayed)
        {
            try { await Task.Delay(delayed.Delay, ctx.RequestAborted); }
            catch (OperationCanceledException) { return; } // the client gave up waiting
            scenario = delayed.Then;
        }
        if (scenario is RedirectScenario redirect)
        {
            ctx.Response.Headers.Location = redirect.Location;
            await WriteAsync(ctx, 307, "application/json", "{}");
            return;
        }
        await AnswerAsync(ctx, request, scenario);
    }

    protected abstract Task AnswerAsync(HttpContext ctx, RecordedRequest request, FakeScenario scenario);

    protected static async Task WriteAsync(HttpContext ctx, int status, string contentType, string body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        await ctx.Response.WriteAsync(body);
    }

    protected static async Task StartSseAsync(HttpContext ctx)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "text/event-stream";
        ctx.Response.Headers.CacheControl = "no-cache";
        await ctx.Response.Body.FlushAsync();
    }

    protected static async Task SendEventAsync(HttpContext ctx, string data, string? eventName = null)
    {
        var sb = new StringBuilder();
        if (eventName is not null) sb.Append("event: ").Append(eventName).Append('\n');
        sb.Append("data: ").Append(data).Append("\n\n");
        await ctx.Response.WriteAsync(sb.ToString());
        await ctx.Response.Body.FlushAsync();
    }

    /// <summary>
    /// Cuts the connection without finishing the response, as a dropped upstream does, once the test has the piece
    /// sent so far (<see cref="BrokenStreamScenario"/>).
    /// </summary>
    protected static async Task AbortAfterPieceAsync(HttpContext ctx, BrokenStreamScenario scenario)
    {
        await ctx.Response.Body.FlushAsync();
        await scenario.PieceArrived.WaitAsync();
        ctx.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
