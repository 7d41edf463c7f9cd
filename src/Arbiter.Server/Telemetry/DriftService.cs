using Arbiter.Core.Config;
using Arbiter.Core.Kpis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Arbiter.Server.Telemetry;

/// <summary>
/// Evaluates drift every <c>observability.drift.interval_seconds</c> and logs each alert when it is raised and when it
/// clears; the active set feeds the arbiter.drift.alerts gauge and the dashboard's badges.
/// </summary>
internal sealed partial class DriftService(KpiService kpis, DriftConfig config, ILogger<DriftService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (config.IntervalSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(config.IntervalSeconds), kpis.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await EvaluateOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task EvaluateOnceAsync(CancellationToken cancellationToken)
    {
        DriftChanges changes;
        try
        {
            changes = await kpis.EvaluateDriftAsync(config, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEvaluationFailed(logger, ex);
            return;
        }
        foreach (var a in changes.Raised) LogRaised(logger, a.Dimension, a.Key, a.Metric, a.Baseline, a.Current, a.Threshold);
        foreach (var a in changes.Cleared) LogCleared(logger, a.Dimension, a.Key, a.Metric);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drift alert raised: {Dimension} {Key} {Metric} moved from {Baseline:0.###} to {Current:0.###} (threshold {Threshold})")]
    private static partial void LogRaised(ILogger logger, string dimension, string key, string metric, double baseline, double current, double threshold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drift alert cleared: {Dimension} {Key} {Metric} is back within its threshold")]
    private static partial void LogCleared(ILogger logger, string dimension, string key, string metric);

    [LoggerMessage(Level = LogLevel.Error, Message = "Drift evaluation failed")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception ex);
}
