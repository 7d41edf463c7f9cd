using Arbiter.Core.Telemetry;
using OpenTelemetry.Metrics;

namespace Arbiter.Server.Tests.Telemetry;

public class MetricTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Requests_MixedOutcomes_GenAiAndArbiterMetricsRecorded(bool stream)
    {
        var prefix = "met" + stream;
        await using var host = await TelemetryHost.StartAsync(prefix);
        var ids = new List<string>();
        for (var i = 0; i < 2; i++) ids.Add((await ChatCalls.SendAsync(host.Gateway.Http, $"{prefix}-auto", stream)).RequestId);
        ids.Add((await ChatCalls.SendAsync(host.Gateway.Http, $"{prefix}-broken", stream)).RequestId);
        ids.Add((await ChatCalls.SendAsync(host.Gateway.Http, $"{prefix}-free", stream)).RequestId);
        foreach (var id in ids) await host.Gateway.RecordAsync(id);
        host.FlushMetrics();

        // gen_ai.client.token.usage: a histogram in {token}, input and output per served answer, semconv buckets.
        var tokens = host.Metrics.First(m => m.Name == TelemetryNames.GenAi.TokenUsageMetric);
        Assert.Equal("{token}", tokens.Unit);
        Assert.Equal(MetricType.Histogram, tokens.MetricType);
        var input = host.Points(TelemetryNames.GenAi.TokenUsageMetric, (TelemetryNames.GenAi.RequestModel, $"{prefix}-cheap"), (TelemetryNames.GenAi.TokenType, "input"));
        Assert.Equal(2, Assert.Single(input).GetHistogramCount());
        var bounds = new List<double>();
        foreach (var b in Assert.Single(input).GetHistogramBuckets()) bounds.Add(b.ExplicitBound);
        Assert.Equal(TelemetryNames.TokenBuckets.Select(b => (double)b).Append(double.PositiveInfinity), bounds);

        // gen_ai.client.operation.duration: one per attempt, in seconds; failed attempts carry error.type.
        var duration = host.Metrics.First(m => m.Name == TelemetryNames.GenAi.OperationDurationMetric);
        Assert.Equal("s", duration.Unit);
        var failedAttempts = host.Points(TelemetryNames.GenAi.OperationDurationMetric, (TelemetryNames.GenAi.RequestModel, $"{prefix}-broken"));
        Assert.Equal(3, failedAttempts.Sum(p => p.GetHistogramCount()));
        Assert.All(failedAttempts, p => Assert.Equal("UpstreamError", TelemetryHost.TagsOf(p)[TelemetryNames.ErrorType]));
        Assert.All(failedAttempts, p => Assert.Equal("chat", TelemetryHost.TagsOf(p)[TelemetryNames.GenAi.OperationName]));
        Assert.All(failedAttempts, p => Assert.Equal("arbiter.simulated", TelemetryHost.TagsOf(p)[TelemetryNames.GenAi.ProviderName]));

        var ttfc = host.Points(TelemetryNames.GenAi.TimeToFirstChunkMetric, (TelemetryNames.GenAi.RequestModel, $"{prefix}-cheap"));
        Assert.Equal(stream ? 2 : 0, ttfc.Sum(p => p.GetHistogramCount()));

        // Arbiter's own: fallbacks, cost, unpriced, requests by outcome, routing decisions.
        Assert.Equal(2, host.Points(TelemetryNames.Arbiter.FallbacksMetric, (TelemetryNames.Arbiter.Model, $"{prefix}-broken")).Sum(p => p.GetSumLong()));
        var cost = host.Points(TelemetryNames.Arbiter.CostMetric, (TelemetryNames.Arbiter.Model, $"{prefix}-cheap")).Sum(p => p.GetSumDouble());
        Assert.True(cost > 0);
        Assert.Empty(host.Points(TelemetryNames.Arbiter.CostMetric, (TelemetryNames.Arbiter.Model, $"{prefix}-free")));
        Assert.Equal(1, host.Points(TelemetryNames.Arbiter.UnpricedMetric, (TelemetryNames.Arbiter.Model, $"{prefix}-free")).Sum(p => p.GetSumLong()));
        Assert.Equal(1, host.Points(TelemetryNames.Arbiter.RequestsMetric, (TelemetryNames.Arbiter.Route, $"{prefix}-broken"),
            (TelemetryNames.Arbiter.Outcome, "error")).Sum(p => p.GetSumLong()));
        Assert.Equal(2, host.Points(TelemetryNames.Arbiter.RoutingDecisionsMetric, (TelemetryNames.Arbiter.Route, $"{prefix}-auto")).Sum(p => p.GetSumLong()));
    }
}
