namespace Arbiter.Core.Config;

/// <summary>How the gateway listens. Defaults live in <see cref="ConfigDefaults"/>.</summary>
public sealed record ServerConfig
{
    /// <summary>TCP port on 127.0.0.1. Default <see cref="ConfigDefaults.Port"/>; <c>--port</c> overrides it.</summary>
    public int Port { get; init; } = ConfigDefaults.Port;
    /// <summary>Largest accepted request body; larger ones get 413. Default <see cref="ConfigDefaults.MaxBodyBytes"/>.</summary>
    public long MaxBodyBytes { get; init; } = ConfigDefaults.MaxBodyBytes;
    /// <summary>Upper bound on one upstream call, first byte to last. Default <see cref="ConfigDefaults.UpstreamTimeoutSeconds"/>.</summary>
    public double UpstreamTimeoutSeconds { get; init; } = ConfigDefaults.UpstreamTimeoutSeconds;
    /// <summary>
    /// Run request code on the socket I/O thread instead of hopping to the thread pool (Kestrel's
    /// UnsafePreferInlineScheduling and .NET's inline socket completions). Faster on few cores for a gateway whose
    /// request path never blocks. Default <see cref="ConfigDefaults.InlineIo"/>.
    /// </summary>
    public bool InlineIo { get; init; } = ConfigDefaults.InlineIo;
}
