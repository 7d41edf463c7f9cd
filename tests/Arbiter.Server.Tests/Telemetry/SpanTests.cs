using System.Diagnostics;
using Arbiter.Core.Telemetry;

namespace Arbiter.Server.Tests.Telemetry;

public class SpanTests
{
    private static Activity RequestSpan(TelemetryHost host, string requestId)
    {
        lock (host.Spans) return host.Spans.Single(s => s.GetTagItem(TelemetryNames.Arbiter.RequestId) as string == requestId);
    }

    private static List<Activity> Children(TelemetryHost host, Activity parent)
    {
        lock (host.Spans) return host.Spans.Where(s => s.ParentSpanId == parent.SpanId && s.TraceId == parent.TraceId).OrderBy(s => s.StartTimeUtc).ToList();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Request_WithFallback_RequestSpanAndOneClientSpanPerAttempt(bool stream)
    {
        await using var host = await TelemetryHost.StartAsync("span" + stream);
        var prefix = "span" + stream;
        var (status, id) = await ChatCalls.SendAsync(host.Gateway.Http, $"{prefix}-auto", stream);
        Assert.Equal(200, status);
        await host.Gateway.RecordAsync(id);

        var request = RequestSpan(host, id);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal($"chat {prefix}-auto", request.DisplayName);
        Assert.Equal("chat", request.GetTagItem(TelemetryNames.GenAi.OperationName));
        Assert.Equal($"{prefix}-auto", request.GetTagItem(TelemetryNames.GenAi.RequestModel));
        Assert.Equal($"{prefix}-cheap", request.GetTagItem(TelemetryNames.GenAi.ResponseModel));
        Assert.Equal(2, request.GetTagItem(TelemetryNames.Arbiter.Attempts));
        Assert.True((long)request.GetTagItem(TelemetryNames.GenAi.UsageOutputTokens)! > 0);
        Assert.True((double)request.GetTagItem(TelemetryNames.Arbiter.CostUsd)! > 0);
        Assert.Equal(stream, request.GetTagItem(TelemetryNames.GenAi.ResponseTimeToFirstChunk) is double);
        // The served answer's provider and finish reasons, as on its attempt span.
        Assert.Equal("arbiter.simulated", request.GetTagItem(TelemetryNames.GenAi.ProviderName));
        Assert.Equal(new[] { "stop" }, request.GetTagItem(TelemetryNames.GenAi.ResponseFinishReasons) as string[]);

        var attempts = Children(host, request);
        Assert.Equal(2, attempts.Count);
        var (failed, served) = (attempts[0], attempts[1]);
        Assert.All(attempts, a => Assert.Equal(ActivityKind.Client, a.Kind));
        Assert.All(attempts, a => Assert.Equal("arbiter.simulated", a.GetTagItem(TelemetryNames.GenAi.ProviderName)));
        Assert.Equal($"chat {prefix}-broken", failed.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("UpstreamError", failed.GetTagItem(TelemetryNames.ErrorType));
        Assert.Equal($"{prefix}-cheap", served.GetTagItem(TelemetryNames.GenAi.RequestModel));
        Assert.Equal(ActivityStatusCode.Unset, served.Status);
        Assert.Equal(new[] { "stop" }, served.GetTagItem(TelemetryNames.GenAi.ResponseFinishReasons) as string[]);
        Assert.True((long)served.GetTagItem(TelemetryNames.GenAi.UsageInputTokens)! > 0);
        Assert.True((double)served.GetTagItem(TelemetryNames.Arbiter.CostUsd)! > 0);
        Assert.Equal(stream, served.GetTagItem(TelemetryNames.GenAi.ResponseTimeToFirstChunk) is double);
    }

    [Fact]
    public async Task Request_UnpricedModel_MarkedUnpricedNotZero()
    {
        await using var host = await TelemetryHost.StartAsync("spanfree");
        var (_, id) = await ChatCalls.SendAsync(host.Gateway.Http, "spanfree-free");
        await host.Gateway.RecordAsync(id);
        var request = RequestSpan(host, id);
        Assert.Null(request.GetTagItem(TelemetryNames.Arbiter.CostUsd));
        Assert.Equal(true, request.GetTagItem(TelemetryNames.Arbiter.Unpriced));
    }

    [Fact]
    public async Task Request_NoTracingConfigured_ProvidersAreNotWrapped()
    {
        await using var host = await GatewayHost.StartYamlAsync(ObservabilityConfigs.Simulator("bare"));
        var runtime = (Arbiter.Server.Hosting.GatewayRuntime)host.Services.GetService(typeof(Arbiter.Server.Hosting.GatewayRuntime))!;
        Assert.All(runtime.Providers.Values, p => Assert.IsNotType<InstrumentedChatProvider>(p));
    }
}
