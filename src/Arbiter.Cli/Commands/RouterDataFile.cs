using Arbiter.Learning.Data;

namespace Arbiter.Cli.Commands;

/// <summary>One training file by its extension: <c>.csv</c> is RouterBench's format, <c>.jsonl</c> Arbiter's feedback log.</summary>
internal static class RouterDataFile
{
    public static RoutingDataset Load(string path, bool withResponses)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        return Path.GetExtension(path).Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
            ? FeedbackLog.Load(path)
            : RouterBenchCsv.Load(path, withResponses);
    }
}
