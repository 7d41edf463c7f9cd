using System.Net;
using Arbiter.Core.Config;
using Arbiter.Core.RequestLog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Arbiter.Server.Tests.Feedback;

/// <summary>Feedback that arrives before the request log has written its request (the log is off the request path).</summary>
public sealed class FeedbackBeforeLogTests
{
    /// <summary>Holds each batch back a little, as a busy SQL store's batching does.</summary>
    private sealed class SlowStore(IRequestStore inner) : IRequestStore
    {
        public async Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken)
        {
            await Task.Delay(150, cancellationToken);
            await inner.WriteBatchAsync(batch, cancellationToken);
        }

        public Task<IReadOnlyList<RequestRecord>> QueryAsync(RequestQuery query, CancellationToken cancellationToken) =>
            inner.QueryAsync(query, cancellationToken);
    }

    [Fact]
    public async Task Post_RightAfterTheAnswer_WaitsForTheLogAndRecords()
    {
        var store = new InMemoryRequestStore();
        await using var app = ArbiterServer.Build(new ArbiterServerOptions
        {
            Config = ConfigLoader.Parse(ObservabilityConfigs.Simulator("fbnow")),
            Environment = _ => null,
            RequestStore = new SlowStore(store),
        }, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        var http = app.GetTestServer().CreateClient();

        var (_, id) = await ChatCalls.SendAsync(http, "fbnow-cheap");
        Assert.Null(store.Find(id)); // not logged yet
        using var response = await ChatCalls.FeedbackAsync(http, $$"""{"request_id":"{{id}}","score":0.7}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.StopAsync();
    }
}
