using Arbiter.Learning.Data;

namespace Arbiter.Learning.Tests;

/// <summary>
/// Small generated routing data with a learnable pattern: "cheap" answers arithmetic prompts well and poems badly,
/// "strong" answers almost everything, "mid" is in between; costs 1, 5 and 20 micro-USD.
/// </summary>
internal static class SyntheticData
{
    public static readonly string[] Models = ["cheap", "mid", "strong"];

    public static RoutingDataset Create(int count, int seed)
    {
        var random = new Random(seed);
        string[] easy = ["add", "sum", "plus", "count"];
        string[] hard = ["poem", "sonnet", "essay", "story"];
        var samples = new List<RoutingSample>();
        for (var i = 0; i < count; i++)
        {
            var isEasy = i % 2 == 0;
            var word = (isEasy ? easy : hard)[random.Next(4)];
            var text = isEasy ? $"please {word} {random.Next(100)} and {random.Next(100)}" : $"write a {word} about the {random.Next(100)} stars";
            var task = i % 3 == 0 ? "t1" : "t2";
            float cheap = isEasy ? (random.NextDouble() < 0.9 ? 1 : 0) : (random.NextDouble() < 0.1 ? 1 : 0);
            float mid = random.NextDouble() < (isEasy ? 0.9 : 0.5) ? 1 : 0;
            float strong = random.NextDouble() < 0.92 ? 1 : 0;
            samples.Add(new RoutingSample($"s{i:D4}", text, task, [cheap, mid, strong], [1e-6, 5e-6, 20e-6]));
        }
        return new RoutingDataset(Models, samples);
    }
}
