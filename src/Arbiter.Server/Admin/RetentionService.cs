using Arbiter.Core.Config;
using Arbiter.Server.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Arbiter.Server.Admin;

/// <summary>Deletes request records older than <c>storage.retention_days</c>, at start and then hourly; off when it is 0 or the store is memory.</summary>
internal sealed partial class RetentionService(GatewayAccess access, ArbiterConfig config, ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (config.Storage.RetentionDays <= 0 || access.Storage.Retention is not { } retention) return;
        using var timer = new PeriodicTimer(Interval, access.Time);
        do
        {
            try
            {
                var cutoff = access.Time.GetUtcNow().AddDays(-config.Storage.RetentionDays);
                var deleted = await retention.DeleteOlderThanAsync(cutoff, stoppingToken);
                if (deleted > 0) LogDeleted(logger, deleted, config.Storage.RetentionDays);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Count} request records older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, long count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: could not delete old request records")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
