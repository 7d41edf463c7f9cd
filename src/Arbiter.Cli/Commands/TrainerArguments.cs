using System.CommandLine;
using Arbiter.Learning.Training;

namespace Arbiter.Cli.Commands;

/// <summary>The training options shared by <c>router train</c>, <c>router eval</c> and <c>router eval-routellm</c>.</summary>
internal sealed class TrainerArguments
{
    private static readonly RouterTrainerOptions Defaults = new();
    private readonly Option<string> _trainer = new("--trainer") { Description = $"Per-model classifier: {string.Join(" or ", RouterTrainers.All)}", DefaultValueFactory = _ => Defaults.Trainer };
    private readonly Option<float> _l2 = new("--l2") { Description = "L2 penalty of each classifier", DefaultValueFactory = _ => Defaults.L2 };
    private readonly Option<int> _words = new("--word-ngrams") { Description = "Longest word n-gram", DefaultValueFactory = _ => Defaults.WordNgrams };
    private readonly Option<int> _chars = new("--char-ngrams") { Description = "Character n-gram length (0: none)", DefaultValueFactory = _ => Defaults.CharNgrams };
    private readonly Option<float> _blend = new("--blend") { Description = "Weight of the classifiers against each task's training accuracy (1: classifiers only)", DefaultValueFactory = _ => Defaults.Blend };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the held-out split and of ML.NET", DefaultValueFactory = _ => 42 };

    public void AddTo(Command command)
    {
        command.Options.Add(_trainer);
        command.Options.Add(_l2);
        command.Options.Add(_words);
        command.Options.Add(_chars);
        command.Options.Add(_blend);
        command.Options.Add(_seed);
    }

    public int Seed(ParseResult parse) => parse.GetValue(_seed);

    public RouterTrainerOptions Read(ParseResult parse) => new()
    {
        Trainer = parse.GetValue(_trainer)!,
        L2 = parse.GetValue(_l2),
        WordNgrams = parse.GetValue(_words),
        CharNgrams = parse.GetValue(_chars),
        Blend = parse.GetValue(_blend),
        Seed = parse.GetValue(_seed),
    };
}
