namespace Arbiter.Providers.Tests.Conformance;

/// <summary>
/// A test's word that something reached it, for a fake that must not act before: cutting a connection drops whatever
/// the fake's side has not sent yet, so a cut on a timer lost the data on a loaded machine.
/// </summary>
public sealed class ArrivalSignal
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Arrived() => _arrived.TrySetResult();

    /// <summary>Waits for <see cref="Arrived"/>, or 10 s, so that what never arrives fails the test instead of hanging it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken = default)
    {
        try { await _arrived.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken); }
        catch (TimeoutException) { }
    }
}
