using System.Net;
using Arbiter.Core.Config;
using Arbiter.Core.RequestLog;
using Arbiter.Providers.Tests.Conformance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Arbiter.Server.Tests.Feedback;

/// <summary>Feedback that arrives before the request log has written its request (the log is off the request path).</summary>
public sealed class FeedbackBeforeLogTests
{
    /// <summary>
    /// Holds each batch back, as a busy SQL store's batching does, until a lookup by request id has missed: the
    /// feedback surely comes first, however long the test takes between the answer and the feedback (a 150 ms
    /// timer here let a slow test find the record already written).
    /// </summary>
    private sealed class SlowStore(IRequestStore inner) : IRequestStore
    {
        private readonly ArrivalSignal _missed = new();

        public async Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken)
        {
            // Bounded, so that a feedback that never looks fails the test instead of hanging the log's shutdown.
            await _missed.WaitAsync(cancellationToken);
            await inner.WriteBatchAsync(batch, cancellationToken);
        }

        public async Task<IReadOnlyList<RequestRecord>> QueryAsync(RequestQuery query, CancellationToken cancellationToken)
        {
            var found = await inner.QueryAsync(query, cancellationToken);
            if (query.RequestId is not null && found.Count == 0) _missed.Arrived();
            return found;
        }
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
