using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;

namespace Arbiter.Core.Execution;

/// <summary>
/// A stream whose first chunk has arrived (so fallbacks are over), or the error that ended every attempt
/// before any chunk did. Owns the upstream enumerator and its timeouts; dispose when done.
/// </summary>
public sealed class StreamOutcome : IAsyncDisposable
{
    private readonly OpenedStream? _stream;
    private readonly CancellationToken _caller;

    internal StreamOutcome(OpenedStream? stream, CancellationToken caller, ModelEntry? model, ArbiterError? error,
        IReadOnlyList<Attempt> attempts, TimeSpan timeToFirstChunk)
    {
        _stream = stream;
        _caller = caller;
        Model = model;
        Error = error;
        Attempts = attempts;
        UpstreamTimeToFirstChunk = timeToFirstChunk;
    }

    public ChatStreamChunk? FirstChunk => _stream?.First;
    public ModelEntry? Model { get; }
    /// <summary>The deployment streaming the answer.</summary>
    public Deployment? Deployment => _stream?.Deployment;
    public ArbiterError? Error { get; }
    public IReadOnlyList<Attempt> Attempts { get; }
    /// <summary>Time spent waiting on upstreams until the first chunk, failed attempts and retry waits included.</summary>
    public TimeSpan UpstreamTimeToFirstChunk { get; }

    /// <summary>The chunk <see cref="MoveNextAsync"/> moved to.</summary>
    public ChatStreamChunk Current => _stream!.Rest.Current;

    /// <summary>
    /// Moves to the next chunk after the first. Completes synchronously when the upstream's next chunk is already
    /// buffered, which lets the writer flush only when it would otherwise wait. Failures surface as
    /// <see cref="ArbiterException"/> (a silence past the idle timeout included); the caller cancelling (a client
    /// that went away) surfaces as <see cref="OperationCanceledException"/>, not as an upstream timeout.
    /// </summary>
    public ValueTask<bool> MoveNextAsync()
    {
        if (_stream is null) return ValueTask.FromResult(false);
        ValueTask<bool> next;
        try
        {
            _stream.ArmIdle();
            next = _stream.Rest.MoveNextAsync();
        }
        catch (OperationCanceledException ex) when (TimedOut) { throw _stream.TimeoutError(ex); }
        return next.IsCompletedSuccessfully ? next : AwaitAsync(next);
    }

    private async ValueTask<bool> AwaitAsync(ValueTask<bool> next)
    {
        try { return await next.ConfigureAwait(false); }
        catch (OperationCanceledException ex) when (TimedOut) { throw _stream!.TimeoutError(ex); }
    }

    private bool TimedOut => !_caller.IsCancellationRequested && _stream?.Cancelled == true;

    public ValueTask DisposeAsync() => _stream?.DisposeAsync() ?? default;
}
