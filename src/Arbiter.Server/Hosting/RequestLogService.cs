using Microsoft.Extensions.Hosting;

namespace Arbiter.Server.Hosting;

/// <summary>Starts the request log's writer with the host and, on graceful shutdown, waits until every accepted record is stored.</summary>
internal sealed class RequestLogService(GatewayRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.RequestLog.Start();
        return Task.CompletedTask;
    }

    // Kestrel has stopped taking requests and drained in-flight ones before hosted services stop.
    public Task StopAsync(CancellationToken cancellationToken) => runtime.RequestLog.CompleteAsync();
}
