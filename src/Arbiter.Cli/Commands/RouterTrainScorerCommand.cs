using System.CommandLine;
using Arbiter.Learning.Data;
using Arbiter.Learning.Scoring;

namespace Arbiter.Cli.Commands;

/// <summary>
/// <c>arbiter router train-scorer --data FILE... --out DIR [--models A B] [--held-out F]</c>: trains the learned
/// answer scorer a cascade route's <c>scorer</c> gate uses (configured under <c>scorers:</c>).
/// </summary>
internal static class RouterTrainScorerCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "RouterBench CSV files with <model>|model_response columns", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Scorer directory to write", Required = true };
        var models = new Option<string[]>("--models") { Description = "Models whose recorded answers to learn from (default: all); list the cascade's cheap stages", AllowMultipleArgumentsPerToken = true };
        var heldOut = new Option<double>("--held-out") { Description = "Leave out this share of each task's prompts (the seeded split `router eval` uses), 0 = train on all", DefaultValueFactory = _ => 0 };
        var trainer = new TrainerArguments();
        var command = new Command("train-scorer", "Train an answer scorer (P(answer good) from question and answer) for the cascade's scorer gate") { data, output, models, heldOut };
        trainer.AddTo(command);
        command.SetAction(parse => RouterCommands.Guard(() =>
        {
            var all = RouterData.Load(parse.GetValue(data)!, withResponses: true);
            var fraction = parse.GetValue(heldOut);
            RoutingDataset set = all, test = null!;
            if (fraction > 0) (set, test) = DatasetSplit.Split(all, fraction, trainer.Seed(parse));
            var chosen = parse.GetValue(models);
            var trained = ConsoleProgress.Run("training", p => AnswerScorerTrainer.Train(set, chosen, trainer.Read(parse), p));
            var dir = parse.GetValue(output)!;
            trained.Save(dir);
            if (fraction > 0)
                foreach (var (model, auc) in AnswerScorerCheck.HeldOutAuc(trained.Model, test, trained.Model.Manifest.ScoredModels!))
                    Console.WriteLine($"held-out AUC of P(answer good) within tasks, {model}: {auc:F3}");
            Console.WriteLine($"answer scorer trained on {set.Samples.Count} prompts x {trained.Model.Manifest.ScoredModels!.Count} models' answers -> {dir}");
            return 0;
        }));
        return command;
    }
}
