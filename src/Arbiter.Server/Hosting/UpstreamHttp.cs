namespace Arbiter.Server.Hosting;

/// <summary>
/// The one HTTP sender every adapter shares: pooled keep-alive connections, no client-wide timeout (each call has its
/// own). A bare <see cref="HttpMessageInvoker"/> over the handler rather than an <see cref="HttpClient"/>: HttpClient
/// links a new cancellation source to every call's token and adds an async frame, for what Arbiter does not use (a
/// client-wide timeout, a base address, default headers). Measured in docs/performance.md.
/// </summary>
internal static class UpstreamHttp
{
    public static HttpMessageInvoker Create(HttpMessageHandler? handler, TimeSpan connectTimeout) =>
        new(handler ?? new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1024,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // pick up DNS changes of hosted providers
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            ConnectTimeout = connectTimeout, // resilience.timeouts.connect_seconds
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false, // upstream hosts come only from configuration: no ambient proxy redirects them
            AllowAutoRedirect = false, // nor does an upstream's redirect (and no redirect handler runs per call)
        }, disposeHandler: true);
}
