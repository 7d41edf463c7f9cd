using Arbiter.Core.Config;
using Arbiter.Server.Hosting;

namespace Arbiter.Server.Tests.Hosting;

/// <summary>The low-load spinner: awake for a lone request, asleep under load or when turned off, gone after stop.</summary>
public sealed class IdleSpinnerTests
{
    [Fact]
    public async Task ZeroWindow_StartsNoThread_AndRequestsNeverWakeOne()
    {
        var spinner = new IdleSpinner(0);
        await spinner.StartAsync(CancellationToken.None);

        spinner.RequestStarted();
        spinner.RequestEnded();

        Assert.False(spinner.Enabled);
        Assert.False(spinner.IsRunning);
        Assert.False(spinner.IsSpinning);
        await spinner.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task LoneRequest_Spins_SecondRequestInFlight_StopsIt()
    {
        var spinner = new IdleSpinner(5_000_000); // a window far longer than any wait below: no race with the clock
        await spinner.StartAsync(CancellationToken.None);
        Assert.True(spinner.IsRunning);
        Assert.False(spinner.IsSpinning); // nothing has happened yet

        spinner.RequestStarted();
        Assert.True(await Eventually.BecomesAsync(() => spinner.IsSpinning));

        // Two in flight is load: the spinner sleeps however recent the activity.
        spinner.RequestStarted();
        Assert.True(await Eventually.BecomesAsync(() => !spinner.IsSpinning && spinner.IsSleeping));

        await spinner.StopAsync(CancellationToken.None);
        Assert.False(spinner.IsRunning);
    }

    [Fact]
    public async Task AfterLoad_StaysAsleepUntilRequestsHaveBeenAloneForTheQuietTime()
    {
        var quiet = TimeSpan.FromMilliseconds(300);
        var spinner = new IdleSpinner(5_000_000, quiet);
        await spinner.StartAsync(CancellationToken.None);
        spinner.RequestStarted();
        Assert.True(await Eventually.BecomesAsync(() => spinner.IsSpinning && spinner.Wakes == 1));
        spinner.RequestStarted(); // load: it sleeps
        Assert.True(await Eventually.BecomesAsync(() => !spinner.IsSpinning && spinner.IsSleeping));
        // Load again, just now: the quiet time counts from here, not from before the wait above (which on a loaded
        // machine can itself last the 300 ms, and the lone request below would then rightly wake it).
        spinner.RequestStarted();
        spinner.RequestEnded();
        spinner.RequestEnded();   // one left: alone, but only just
        spinner.RequestEnded();
        spinner.RequestStarted(); // a lone request right after the load

        await Task.Delay(quiet / 3);
        Assert.Equal(1, spinner.Wakes); // nobody woke it for the requests in the load's wake
        Assert.False(spinner.IsSpinning);
        spinner.RequestEnded();

        await Task.Delay(quiet * 1.5);
        spinner.RequestStarted(); // alone long enough: it spins for this one
        Assert.True(await Eventually.BecomesAsync(() => spinner.IsSpinning && spinner.Wakes == 2));
        spinner.RequestEnded();
        await spinner.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AfterTheWindowWithoutActivity_GoesBackToSleep_AndTheNextRequestWakesIt()
    {
        var spinner = new IdleSpinner(1_000);
        await spinner.StartAsync(CancellationToken.None);

        spinner.RequestStarted();
        spinner.RequestEnded();
        // Asleep, not only out of its yield loop: a request in between those two moments would keep it spinning
        // (the window not yet over) without a new wake.
        Assert.True(await Eventually.BecomesAsync(() => spinner.Wakes == 1 && spinner.IsSleeping));

        spinner.RequestStarted();
        Assert.True(await Eventually.BecomesAsync(() => spinner.Wakes == 2));
        spinner.RequestEnded();
        await spinner.StopAsync(CancellationToken.None);
        Assert.False(spinner.IsRunning);
    }

    [Theory]
    [InlineData(null, true, 1, 200)]   // unset, one CPU: the default
    [InlineData(null, true, 2, 0)]     // unset, several CPUs: off (it would not share the I/O thread's core)
    [InlineData(50, true, 4, 50)]      // set: as set, whatever the CPUs
    [InlineData(0, true, 1, 0)]        // set to 0: off
    [InlineData(500, false, 1, 0)]     // without inline I/O there is nothing to keep awake
    public void MicrosecondsFor_ConfigAndCpus_GivesTheWindow(int? configured, bool inlineIo, int cpus, int expected)
    {
        var server = new ServerConfig { IdleSpinMicroseconds = configured, InlineIo = inlineIo };

        Assert.Equal(expected, IdleSpinner.MicrosecondsFor(server, cpus));
    }
}
