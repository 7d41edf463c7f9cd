namespace Arbiter.Providers.Tests.Conformance;

/// <summary>
/// A test's word that something happened (a piece reached the client, a lookup missed), for a fake that must not act
/// before it. A timer instead bets on how fast a loaded machine is: a connection cut 20 ms after a flush lost the data
/// not sent yet.
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
