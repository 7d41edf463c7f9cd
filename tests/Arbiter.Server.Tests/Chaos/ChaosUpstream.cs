using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Tests.Chaos;

/// <summary>
/// A loopback upstream speaking OpenAI's chat completions wire format that injects one <see cref="ChaosFault"/> per
/// request: each request takes the next queued fault, or <see cref="Fault"/> when the queue is empty. Counts the
/// requests it received, so tests can check that every attempt was recorded.
/// </summary>
public sealed class ChaosUpstream : IAsyncDisposable
{
    public const string AnswerText = "The quick brown fox jumps over the lazy dog.";
    public static readonly TimeSpan DripInterval = TimeSpan.FromMilliseconds(60);
    /// <summary>The first streamed piece (all a <see cref="ChaosFault.ResetMidStream"/> stream sends).</summary>
    public const string FirstPiece = "The quick";
    private static readonly string[] Pieces = [FirstPiece, " brown fox", " jumps over", " the lazy", " dog."];

    private readonly System.Collections.Concurrent.ConcurrentQueue<ChaosFault> _queue = new();
    private LoopbackServer? _server;
    private int _requests;

    /// <summary>What every request gets when nothing is queued.</summary>
    public ChaosFault Fault { get; set; } = ChaosFault.None;
    public int Requests => Volatile.Read(ref _requests);
    /// <summary>Base URL for <c>providers.X.base_url</c>; a closed port when the fault is <see cref="ChaosFault.ConnectionRefused"/>.</summary>
    public string BaseUrl { get; private set; } = "";

    public static async Task<ChaosUpstream> StartAsync(ChaosFault fault = ChaosFault.None)
    {
        var chaos = new ChaosUpstream { Fault = fault };
        if (fault == ChaosFault.ConnectionRefused)
        {
            chaos._closedPort = ClosedPort();
            chaos.BaseUrl = $"http://127.0.0.1:{((IPEndPoint)chaos._closedPort.LocalEndPoint!).Port}/v1";
            return chaos;
        }
        chaos._server = await LoopbackServer.StartAsync(chaos.HandleAsync);
        chaos.BaseUrl = chaos._server.BaseUrl + "/v1";
        return chaos;
    }

    /// <summary>Said by the test when the first streamed piece reached the client: a <see cref="ChaosFault.ResetMidStream"/> stream is cut then.</summary>
    public ArrivalSignal FirstPieceArrived { get; } = new();

    public void Enqueue(params ChaosFault[] faults)
    {
        foreach (var f in faults) _queue.Enqueue(f);
    }

    /// <summary>
    /// A port nothing listens on: bound and kept bound (never listening) until disposal, so connecting is refused and no
    /// other server of the test run (each takes an ephemeral port) can be given it in the meantime, as it could once released.
    /// </summary>
    private static Socket ClosedPort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private Socket? _closedPort;

    private async Task HandleAsync(HttpContext ctx, RecordedRequest request)
    {
        Interlocked.Increment(ref _requests);
        var fault = _queue.TryDequeue(out var queued) ? queued : Fault;
        var body = JsonNode.Parse(request.Body)!;
        var stream = body["stream"]?.GetValue<bool>() == true;
        var model = body["model"]?.GetValue<string>() ?? "chaos";
        var aborted = ctx.RequestAborted;
        try
        {
            switch (fault)
            {
                case ChaosFault.RateLimited429:
                    ctx.Response.Headers.RetryAfter = "1";
                    await ErrorAsync(ctx, 429, "rate_limit_error", "Rate limit reached for requests");
                    return;
                case ChaosFault.ServerError500:
                    await ErrorAsync(ctx, 500, "server_error", "The server had an error while processing your request");
                    return;
                case ChaosFault.Unavailable503:
                    await ErrorAsync(ctx, 503, "server_error", "The engine is currently overloaded");
                    return;
                case ChaosFault.ModelGone404:
                    await ErrorAsync(ctx, 404, "invalid_request_error", $"The model '{model}' does not exist or you do not have access to it.");
                    return;
                case ChaosFault.TimeoutBeforeHeaders:
                    await Task.Delay(Timeout.Infinite, aborted);
                    return;
                case ChaosFault.HangAfterHeaders:
                    ctx.Response.StatusCode = 200;
                    ctx.Response.ContentType = stream ? "text/event-stream" : "application/json";
                    await ctx.Response.Body.FlushAsync(aborted);
                    await Task.Delay(Timeout.Infinite, aborted);
                    return;
                case ChaosFault.MalformedJson:
                    ctx.Response.StatusCode = 200;
                    ctx.Response.ContentType = stream ? "text/event-stream" : "application/json";
                    await ctx.Response.WriteAsync(stream ? "data: {\"id\":\"x\",\"choices\":[{\"delta\":{\"content\":\"oops\"\n\n" : "{\"id\":\"x\",\"choices\":[", aborted);
                    return;
                case ChaosFault.ResetMidStream:
                    ctx.Response.StatusCode = 200;
                    ctx.Response.ContentType = stream ? "text/event-stream" : "application/json";
                    await ctx.Response.WriteAsync(stream ? Event(Chunk(model, Pieces[0], null)) : "{\"id\":\"chatcmpl-chaos\",\"object\":\"chat.", aborted);
                    await ctx.Response.Body.FlushAsync(aborted);
                    // An abort drops whatever Kestrel has not sent yet: a stream is cut only once the client has its first
                    // piece (on a timer, a loaded machine lost the piece and the gateway retried a call that never started).
                    // Half a JSON body reads as the same upstream_error whether or not it arrived, so it needs no wait.
                    if (stream) await FirstPieceArrived.WaitAsync(aborted);
                    ctx.Abort();
                    return;
            }
            var drip = fault == ChaosFault.SlowDrip;
            if (stream) await StreamAsync(ctx, model, drip, aborted);
            else await CompleteAsync(ctx, model, drip, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // the gateway gave up: nothing more to send
        }
    }

    private static async Task CompleteAsync(HttpContext ctx, string model, bool drip, CancellationToken ct)
    {
        var json = new JsonObject
        {
            ["id"] = "chatcmpl-chaos", ["object"] = "chat.completion", ["created"] = 1700000000, ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = AnswerText }, ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 9, ["completion_tokens"] = 10, ["total_tokens"] = 19 },
        }.ToJsonString();
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        if (!drip)
        {
            await ctx.Response.WriteAsync(json, ct);
            return;
        }
        for (var i = 0; i < json.Length; i += json.Length / Pieces.Length + 1)
        {
            await ctx.Response.WriteAsync(json.Substring(i, Math.Min(json.Length / Pieces.Length + 1, json.Length - i)), ct);
            await ctx.Response.Body.FlushAsync(ct);
            await Task.Delay(DripInterval, ct);
        }
    }

    private static async Task StreamAsync(HttpContext ctx, string model, bool drip, CancellationToken ct)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "text/event-stream";
        for (var i = 0; i < Pieces.Length; i++)
        {
            await ctx.Response.WriteAsync(Event(Chunk(model, Pieces[i], i == Pieces.Length - 1 ? "stop" : null)), ct);
            await ctx.Response.Body.FlushAsync(ct);
            if (drip) await Task.Delay(DripInterval, ct);
        }
        await ctx.Response.WriteAsync(Event("[DONE]"), ct);
    }

    private static Task ErrorAsync(HttpContext ctx, int status, string type, string message)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = null },
        }.ToJsonString());
    }

    private static string Chunk(string model, string content, string? finish) => new JsonObject
    {
        ["id"] = "chatcmpl-chaos", ["object"] = "chat.completion.chunk", ["created"] = 1700000000, ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = content }, ["finish_reason"] = finish }),
    }.ToJsonString();

    private static string Event(string data) => new StringBuilder("data: ").Append(data).Append("\n\n").ToString();

    public async ValueTask DisposeAsync()
    {
        _closedPort?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
