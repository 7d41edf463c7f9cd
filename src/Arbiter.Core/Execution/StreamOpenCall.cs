using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;

namespace Arbiter.Core.Execution;

/// <summary>
/// Opens a stream and waits for its first chunk. The stream's own token source outlives the attempt (the attempt's
/// token source is pooled and reused once the attempt returns), so the attempt's token is only linked in until the
/// first chunk arrives; the caller's token stays linked for the stream's life.
/// </summary>
internal sealed class StreamOpenCall : UpstreamCall<OpenedStream>
{
    public static readonly StreamOpenCall Instance = new();

    public override TimeSpan TimeoutOf(ChatExecutor executor) => executor.Pipelines.FirstByteTimeout;
    public override bool HoldsLoad => true;

    public override async ValueTask<OpenedStream> CallAsync(ChatExecutor executor, ChatRequest request, Deployment deployment,
        CancellationToken caller, CancellationToken attemptToken)
    {
        var time = executor.Time;
        var deadline = time.GetTimestamp() + (long)(executor.CallTimeout.TotalSeconds * time.TimestampFrequency);
        var source = executor.TimeoutSources.Rent(executor.CallTimeout);
        var callerLink = TimeoutSourcePool.Link(caller, source);
        var attemptLink = TimeoutSourcePool.Link(attemptToken, source);
        var stream = deployment.Provider.StreamAsync(request, deployment.UpstreamModel, source.Token).GetAsyncEnumerator(source.Token);
        try
        {
            if (!await stream.MoveNextAsync().ConfigureAwait(false))
                throw new ArbiterError(ErrorKind.UpstreamError, $"provider '{deployment.Provider.Name}' ended the stream without sending anything")
                    { Provider = deployment.Provider.Name }.ToException();
            await attemptLink.DisposeAsync().ConfigureAwait(false);
            return new OpenedStream(deployment, stream.Current, stream, source, callerLink, deadline, executor);
        }
        catch (OperationCanceledException ex) when (!caller.IsCancellationRequested && !attemptToken.IsCancellationRequested)
        {
            // The stream's own call timer fired (server.upstream_timeout_seconds), not the attempt's first-byte timeout.
            await CloseAsync(executor, stream, source, callerLink, attemptLink).ConfigureAwait(false);
            throw ExecutionErrors.Timeout(deployment, executor.CallTimeout, ex);
        }
        catch
        {
            await CloseAsync(executor, stream, source, callerLink, attemptLink).ConfigureAwait(false);
            throw;
        }
    }

    private static async ValueTask CloseAsync(ChatExecutor executor, IAsyncEnumerator<ChatStreamChunk> stream, CancellationTokenSource source,
        CancellationTokenRegistration callerLink, CancellationTokenRegistration attemptLink)
    {
        await attemptLink.DisposeAsync().ConfigureAwait(false);
        await callerLink.DisposeAsync().ConfigureAwait(false);
        try { await stream.DisposeAsync().ConfigureAwait(false); }
        finally { executor.TimeoutSources.Return(source); } // last: nothing observes its token any more
    }

    // A stream's refusal usually shows only in its last chunk, after bytes reached the client: only a first chunk can tell.
    public override bool IsRefusal(OpenedStream result) => result.First.Choices is [{ FinishReason: FinishReason.ContentFilter }, ..];

    public override ValueTask DiscardAsync(OpenedStream result) => result.DisposeAsync();
}
