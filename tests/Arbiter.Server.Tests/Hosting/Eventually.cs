namespace Arbiter.Server.Tests.Hosting;

/// <summary>Waits for a background thread or task to reach a state, polling, up to a generous bound.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>True as soon as <paramref name="condition"/> holds; false if it still does not after the bound.</summary>
    public static async Task<bool> BecomesAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            if (condition()) return true;
            await Task.Delay(1);
        }
        return condition();
    }
}
