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
}
