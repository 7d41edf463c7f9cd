using Arbiter.Core.Config;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Server.Tests.Telemetry;

public class OtlpExportTests
{
    [Fact]
    public async Task OtlpEndpoint_HttpProtobuf_MetricsAndSpansReachTheCollector()
    {
        await using var collector = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.StatusCode = 200;
            return Task.CompletedTask;
        });
        var host = await GatewayHost.StartAsync(ConfigLoader.Parse(ObservabilityConfigs.Simulator("otlp",
            $"observability: {{ otlp_endpoint: \"{collector.BaseUrl}/otlp\", otlp_protocol: http/protobuf }}")));
        var (status, id) = await ChatCalls.SendAsync(host.Http, "otlp-auto");
        Assert.Equal(200, status);
        await host.RecordAsync(id);
        await host.DisposeAsync(); // the providers export what they hold when they shut down

        var exports = collector.Requests.Where(r => r is { Method: "POST", Path: "/otlp" }).ToList();
        Assert.All(exports, r => Assert.Equal("application/x-protobuf", r.Headers["content-type"]));
        // Protobuf keeps strings as UTF-8 bytes: the metric names and the request span's name are readable in the body.
        Assert.Contains(exports, r => r.Body.Contains("gen_ai.client.operation.duration") && r.Body.Contains("arbiter.requests"));
        Assert.Contains(exports, r => r.Body.Contains("chat otlp-auto") && r.Body.Contains(id));
    }
}
