using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;
using Arbiter.Core.Routing;

namespace Arbiter.Core.Execution;

/// <summary>
/// Runs a <see cref="RoutePlan"/>: calls its candidates in order until one answers, moving on only for errors
/// another model could fix (see <see cref="ErrorCatalog.IsRetryable"/>). For streams, fallback ends when the
/// first chunk arrives: after that, nothing is retried, because the client already has bytes.
/// </summary>
public sealed class ChatExecutor(TimeProvider time, TimeSpan upstreamTimeout)
{
    public async Task<CompletionOutcome> CompleteAsync(ChatRequest request, RoutePlan plan, CancellationToken cancellationToken)
    {
        var attempts = new List<Attempt>(1);
        var upstream = TimeSpan.Zero;
        ArbiterError? last = null;
        foreach (var candidate in plan.Candidates)
        {
            var start = time.GetTimestamp();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(upstreamTimeout);
            try
            {
                var response = await candidate.Provider.CompleteAsync(request, candidate.UpstreamModel, timeout.Token).ConfigureAwait(false);
                var elapsed = time.GetElapsedTime(start);
                attempts.Add(new Attempt(candidate.Name, candidate.Provider.Name, elapsed, null));
                return new CompletionOutcome(response, candidate, null, attempts, upstream + elapsed);
            }
            catch (Exception ex) when (ex is ArbiterException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var elapsed = time.GetElapsedTime(start);
                upstream += elapsed;
                last = ErrorOf(ex, candidate);
                attempts.Add(new Attempt(candidate.Name, candidate.Provider.Name, elapsed, last));
                if (!ErrorCatalog.IsRetryable(last.Kind)) break;
            }
        }
        return new CompletionOutcome(null, null, last, attempts, upstream);
    }

    public async Task<StreamOutcome> OpenStreamAsync(ChatRequest request, RoutePlan plan, CancellationToken cancellationToken)
    {
        var attempts = new List<Attempt>(1);
        var upstream = TimeSpan.Zero;
        ArbiterError? last = null;
        foreach (var candidate in plan.Candidates)
        {
            var start = time.GetTimestamp();
            var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(upstreamTimeout);
            var stream = candidate.Provider.StreamAsync(request, candidate.UpstreamModel, timeout.Token).GetAsyncEnumerator(timeout.Token);
            try
            {
                if (await stream.MoveNextAsync().ConfigureAwait(false))
                {
                    var elapsed = time.GetElapsedTime(start);
                    attempts.Add(new Attempt(candidate.Name, candidate.Provider.Name, elapsed, null));
                    return new StreamOutcome(stream.Current, stream, timeout, cancellationToken, candidate, null, attempts, upstream + elapsed);
                }
                last = new ArbiterError(ErrorKind.UpstreamError, $"provider '{candidate.Provider.Name}' ended the stream without sending anything") { Provider = candidate.Provider.Name };
            }
            catch (Exception ex) when (ex is ArbiterException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = ErrorOf(ex, candidate);
            }
            catch
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                timeout.Dispose();
                throw;
            }
            var failedAfter = time.GetElapsedTime(start);
            upstream += failedAfter;
            attempts.Add(new Attempt(candidate.Name, candidate.Provider.Name, failedAfter, last));
            await stream.DisposeAsync().ConfigureAwait(false);
            timeout.Dispose();
            if (!ErrorCatalog.IsRetryable(last.Kind)) break;
        }
        return new StreamOutcome(null, null, null, cancellationToken, null, last, attempts, upstream);
    }

    private static ArbiterError ErrorOf(Exception ex, ModelEntry candidate) => ex is ArbiterException ae
        ? ae.Error
        : new ArbiterError(ErrorKind.UpstreamTimeout, $"provider '{candidate.Provider.Name}' did not answer in time") { Provider = candidate.Provider.Name };
}
