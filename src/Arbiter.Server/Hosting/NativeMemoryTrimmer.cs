using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Arbiter.Server.Hosting;

/// <summary>
/// Every <c>server.native_memory_trim_seconds</c>, hands the C allocator's free memory back to the system (glibc's
/// <c>malloc_trim</c>). The JIT compiling hot methods and SQLite's page cache come and go through malloc, and glibc
/// keeps what they free in per-thread arenas, resident, for reuse that mostly never comes: about 5 MB in a gateway
/// under load. A call takes 40-100 us on a background thread (measured in docs/performance.md). Elsewhere than
/// glibc (musl has no malloc_trim) it stops after the first try.
/// </summary>
internal sealed partial class NativeMemoryTrimmer(TimeSpan interval, Action trim, TimeProvider time, ILogger<NativeMemoryTrimmer> logger) : BackgroundService
{
    /// <summary>How many times the trim ran (for tests and diagnostics).</summary>
    public int Trims { get; private set; }

    /// <summary>Whether it gave up because the C library has no <c>malloc_trim</c>.</summary>
    public bool Unsupported { get; private set; }

    /// <summary>glibc's trim on Linux; null elsewhere (no C allocator Arbiter knows how to trim).</summary>
    public static Action? PlatformTrim() => OperatingSystem.IsLinux() ? static () => MallocTrim(0) : null;

    private PeriodicTimer? _timer;

    // The schedule starts with the host, not whenever the background task gets a thread.
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(interval, time);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = _timer!;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                trim();
                Trims++;
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                Unsupported = true;
                LogUnsupported(logger, ex.Message);
                return;
            }
        }
    }

    // DllImport rather than LibraryImport: the signature is blittable, so no marshalling stub (and no unsafe code) is needed.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Native memory is not trimmed: the C library has no malloc_trim ({Reason})")]
    private static partial void LogUnsupported(ILogger logger, string reason);
}
