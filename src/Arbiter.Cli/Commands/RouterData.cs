using Arbiter.Learning.Data;

namespace Arbiter.Cli.Commands;

/// <summary>Loads RouterBench CSV files given on the command line as one data set.</summary>
internal static class RouterData
{
    public static RoutingDataset Load(IReadOnlyList<string> files, bool withResponses = false)
    {
        if (files.Count == 0) throw new ArgumentException("no data files given");
        return RoutingDataset.Concat(files.Select(f => RouterDataFile.Load(f, withResponses)).ToList());
    }
}
