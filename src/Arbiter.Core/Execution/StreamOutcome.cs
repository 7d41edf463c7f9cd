using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;

namespace Arbiter.Core.Execution;

/// <summary>
/// A stream whose first chunk has arrived (so fallbacks are over), or the error that ended every attempt
/// before any chunk did. Owns the upstream enumerator and its timeout; dispose when done.
/// </summary>
public sealed class StreamOutcome : IAsyncDisposable
{
    private readonly IAsyncEnumerator<ChatStreamChunk>? _rest;
    private readonly CancellationTokenSource? _timeout;
    private readonly CancellationToken _caller;

    /// <param name="timeout">Linked to <paramref name="caller"/>, so it is cancelled by either; the caller's token tells which.</param>
    internal StreamOutcome(ChatStreamChunk? first, IAsyncEnumerator<ChatStreamChunk>? rest, CancellationTokenSource? timeout,
        CancellationToken caller, ModelEntry? model, ArbiterError? error, IReadOnlyList<Attempt> attempts, TimeSpan timeToFirstChunk)
    {
        FirstChunk = first;
        _rest = rest;
        _timeout = timeout;
        _caller = caller;
        Model = model;
        Error = error;
        Attempts = attempts;
        UpstreamTimeToFirstChunk = timeToFirstChunk;
    }

    public ChatStreamChunk? FirstChunk { get; }
    public ModelEntry? Model { get; }
    public ArbiterError? Error { get; }
    public IReadOnlyList<Attempt> Attempts { get; }
    /// <summary>Time spent waiting on upstreams until the first chunk, failed attempts included.</summary>
    public TimeSpan UpstreamTimeToFirstChunk { get; }

    /// <summary>The chunk <see cref="MoveNextAsync"/> moved to.</summary>
    public ChatStreamChunk Current => _rest!.Current;

    /// <summary>
    /// Moves to the next chunk after the first. Completes synchronously when the upstream's next chunk is already
    /// buffered, which lets the writer flush only when it would otherwise wait. Failures surface as
    /// <see cref="ArbiterException"/>; the caller cancelling (a client that went away) surfaces as
    /// <see cref="OperationCanceledException"/>, not as an upstream timeout.
    /// </summary>
    public ValueTask<bool> MoveNextAsync()
    {
        if (_rest is null) return ValueTask.FromResult(false);
        ValueTask<bool> next;
        try { next = _rest.MoveNextAsync(); }
        catch (OperationCanceledException ex) when (TimedOut) { throw StreamTimeout(ex); }
        return next.IsCompletedSuccessfully ? next : AwaitAsync(next);
    }

    private async ValueTask<bool> AwaitAsync(ValueTask<bool> next)
    {
        try { return await next.ConfigureAwait(false); }
        catch (OperationCanceledException ex) when (TimedOut) { throw StreamTimeout(ex); }
    }

    private bool TimedOut => !_caller.IsCancellationRequested && _timeout?.IsCancellationRequested == true;

    private ArbiterException StreamTimeout(Exception inner) =>
        new ArbiterError(ErrorKind.UpstreamTimeout, $"provider '{Model?.Provider.Name}' did not finish the stream in time") { Provider = Model?.Provider.Name }.ToException(inner);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_rest is not null) await _rest.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _timeout?.Dispose(); // its timer would otherwise hold it for the whole upstream timeout
        }
    }
}
