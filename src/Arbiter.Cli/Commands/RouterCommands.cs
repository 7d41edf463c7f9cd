using System.CommandLine;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter router train | train-scorer | route | eval | eval-routellm | from-log</c>: the learned router (docs/routing.md).</summary>
internal static class RouterCommands
{
    public static Command Create() => new("router", "Train, apply and evaluate a learned router")
    {
        RouterTrainCommand.Create(),
        RouterTrainScorerCommand.Create(),
        RouterRouteCommand.Create(),
        RouterEvalCommand.Create(),
        RouterEvalRouteLlmCommand.Create(),
        RouterFromLogCommand.Create(),
    };

    /// <summary>Runs a command body; a data or argument problem is one line on stderr and exit code 2, never a stack trace.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
    }
}
