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
    /// <summary>
    /// With inline I/O and at most one request in flight, keep the core awake (a thread yielding in a loop) for this
    /// long after the request's last activity, instead of letting it sleep while the upstream answers: waking an idle
    /// core costs tens of microseconds per request, more on a VM. It does what the thread pool's own spinning does
    /// for a server without inline I/O, and only at low load; 0 turns it off. Unset: <see cref="ConfigDefaults.IdleSpinMicroseconds"/>
    /// when the process has one CPU (the spinner then shares the I/O thread's core, which is what keeps it awake), else off.
    /// </summary>
    public int? IdleSpinMicroseconds { get; init; }
    /// <summary>
    /// Every this many seconds, hand the C allocator's free memory back to the system (glibc's <c>malloc_trim</c>;
    /// Linux only). 0 turns it off. Default <see cref="ConfigDefaults.NativeMemoryTrimSeconds"/>.
    /// </summary>
    public double NativeMemoryTrimSeconds { get; init; } = ConfigDefaults.NativeMemoryTrimSeconds;
}
