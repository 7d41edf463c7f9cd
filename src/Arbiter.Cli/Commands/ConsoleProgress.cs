using Arbiter.Learning.Training;
using Spectre.Console;

namespace Arbiter.Cli.Commands;

/// <summary>A Spectre.Console progress bar (on stderr, so stdout stays the result) around a long job.</summary>
internal static class ConsoleProgress
{
    private static readonly IAnsiConsole Err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static T Run<T>(string title, Func<IProgress<TrainingProgress>, T> job)
    {
        // Redirected (CI, a log file): one plain line per step instead of redrawing a bar.
        if (Console.IsErrorRedirected) return job(new PlainProgress(title));
        T result = default!;
        Err.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title));
                result = job(new Progress(task, title));
                task.Value = task.MaxValue;
            });
        return result;
    }

    private sealed class PlainProgress(string title) : IProgress<TrainingProgress>
    {
        private string? _lastStep;
        private int _lastTenth = -1;

        public void Report(TrainingProgress value)
        {
            var tenth = value.Total == 0 ? 10 : value.Done * 10 / value.Total;
            if (value.Step == _lastStep && tenth == _lastTenth) return;
            _lastStep = value.Step;
            _lastTenth = tenth;
            Console.Error.WriteLine($"{title}: {value.Step} [{value.Done}/{value.Total}]");
        }
    }

    // Reports arrive on the job's thread; Spectre's task is safe to update from it.
    private sealed class Progress(ProgressTask task, string title) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
            task.Description = Markup.Escape($"{title}: {value.Step}");
        }
    }
}
