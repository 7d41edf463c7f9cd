using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;

namespace Arbiter.Core.Execution;

/// <summary>
/// A stream whose first chunk has arrived, with the token source that bounds it: the whole call
/// (server.upstream_timeout_seconds) and the silence between chunks (resilience.timeouts.stream_idle_seconds).
/// The idle bound is the source's one timer re-armed at each chunk (a timer change, not a new timeout per chunk).
/// </summary>
internal sealed class OpenedStream(Deployment deployment, ChatStreamChunk first, IAsyncEnumerator<ChatStreamChunk> rest,
    CancellationTokenSource source, CancellationTokenRegistration callerLink, long deadline, ChatExecutor executor) : IAsyncDisposable
{
    private int _disposed;
    // Whether the timer was last armed for the call's deadline rather than an idle gap: what fired is then known
    // without comparing clocks (a timer counts whole milliseconds and may fire just before the stopwatch deadline).
    private bool _armedForDeadline = true;

    public Deployment Deployment { get; } = deployment;
    public ChatStreamChunk First { get; } = first;
    public IAsyncEnumerator<ChatStreamChunk> Rest { get; } = rest;
    public bool Cancelled => source.IsCancellationRequested;

    /// <summary>Re-arms the idle timer for the next chunk, never past the call's deadline.</summary>
    public void ArmIdle()
    {
        var time = executor.Time;
        var left = deadline - time.GetTimestamp();
        var idle = executor.StreamIdleTimeout;
        var wait = left <= 0 ? TimeSpan.FromTicks(1) : TimeSpan.FromSeconds((double)left / time.TimestampFrequency);
        _armedForDeadline = wait < idle;
        source.CancelAfter(_armedForDeadline ? wait : idle);
    }

    /// <summary>The timeout that ended the stream: the idle gap or the whole call's bound.</summary>
    public ArbiterException TimeoutError(Exception inner)
    {
        var pastDeadline = _armedForDeadline || executor.Time.GetTimestamp() >= deadline;
        var p = Deployment.Provider.Name;
        var message = pastDeadline
            ? $"provider '{p}' did not finish the stream in time"
            : $"provider '{p}' sent nothing for {executor.StreamIdleTimeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s mid-stream";
        return new ArbiterError(ErrorKind.UpstreamTimeout, message) { Provider = p }.ToException(inner);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Deployment.Load.Ended();
        await callerLink.DisposeAsync().ConfigureAwait(false);
        try { await Rest.DisposeAsync().ConfigureAwait(false); }
        // Last, once nothing observes its token: back to the executor's pool (its timer stopped), or disposed if it fired.
        finally { executor.TimeoutSources.Return(source); }
    }
}
