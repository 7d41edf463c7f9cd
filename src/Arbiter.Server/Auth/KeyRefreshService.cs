using Arbiter.Core.Config;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Arbiter.Server.Auth;

/// <summary>Re-reads keys and teams every <c>auth.refresh_seconds</c>, so a key revoked through another instance stops working here too.</summary>
internal sealed partial class KeyRefreshService(GatewayAccess access, ArbiterConfig config, ILogger<KeyRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!access.AuthEnabled || access.Storage.Database is null) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(config.Auth.RefreshSeconds), access.Time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await access.ReloadKeysAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogFailed(logger, ex); }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh virtual keys from the store; the previous set stays in use")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
