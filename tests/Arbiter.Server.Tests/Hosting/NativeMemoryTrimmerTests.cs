using Arbiter.Server.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Arbiter.Server.Tests.Hosting;

/// <summary>The native-memory trim: once per interval, off the platform's C library when it has none, and the real binding.</summary>
public sealed class NativeMemoryTrimmerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task TrimsOncePerInterval_NotBefore_AndNotAfterStop()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var trimmer = new NativeMemoryTrimmer(Interval, () => Interlocked.Increment(ref calls), time, NullLogger<NativeMemoryTrimmer>.Instance);
        await trimmer.StartAsync(CancellationToken.None);

        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        Assert.Equal(0, Volatile.Read(ref calls));
        for (var i = 1; i <= 3; i++)
        {
            time.Advance(Interval);
            var expected = i;
            Assert.True(await Eventually.BecomesAsync(() => Volatile.Read(ref calls) == expected), $"trim {i} did not run");
        }

        await trimmer.StopAsync(CancellationToken.None);
        time.Advance(Interval * 3);
        await Task.Delay(20);
        Assert.Equal(3, Volatile.Read(ref calls));
        Assert.Equal(3, trimmer.Trims);
    }

    [Fact]
    public async Task NoMallocTrimInTheCLibrary_GivesUpAfterTheFirstTry()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var trimmer = new NativeMemoryTrimmer(Interval, () => { calls++; throw new EntryPointNotFoundException("malloc_trim"); }, time,
            NullLogger<NativeMemoryTrimmer>.Instance);
        await trimmer.StartAsync(CancellationToken.None);

        time.Advance(Interval);
        Assert.True(await Eventually.BecomesAsync(() => trimmer.Unsupported));
        // The flag is set before the loop has logged and returned: wait for the loop's end rather than expect it already.
        await trimmer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(trimmer.ExecuteTask.IsCompletedSuccessfully);
        time.Advance(Interval * 3);
        await Task.Delay(20);
        Assert.Equal(1, calls);
        await trimmer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void PlatformTrim_OnLinux_CallsGlibcWithoutError()
    {
        var trim = NativeMemoryTrimmer.PlatformTrim();
        Assert.Equal(OperatingSystem.IsLinux(), trim is not null);
        trim?.Invoke(); // a wrong library or entry point name would throw here
    }
}
