namespace Arbiter.Cli.Commands;

/// <summary>
/// .NET runs socket completions inline on its epoll thread when this variable is "1" as its socket engine starts
/// (it reads it once, at the first socket operation, so the process entry point is the place to set it).
/// Paired with Kestrel's inline scheduling by <c>server.inline_io</c>; an explicit setting in the environment wins.
/// </summary>
internal static class InlineSocketCompletions
{
    private const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static void Enable()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null) Environment.SetEnvironmentVariable(Variable, "1");
    }
}
