using System.CommandLine;
using Arbiter.Learning.Data;
using Arbiter.Learning.Evaluation;
using Arbiter.Learning.Training;

namespace Arbiter.Cli.Commands;

/// <summary>
/// <c>arbiter router eval --train FILES --test FILES</c> (or <c>--data FILES --held-out 0.3</c>): trains on the
/// training side, then prints the held-out cost-quality curve, AIQ and reach cost share of the learned router and
/// the baselines.
/// </summary>
internal static class RouterEvalCommand
{
    public static Command Create()
    {
        var train = new Option<string[]>("--train") { Description = "Training files", AllowMultipleArgumentsPerToken = true };
        var test = new Option<string[]>("--test") { Description = "Held-out test files", AllowMultipleArgumentsPerToken = true };
        var data = new Option<string[]>("--data") { Description = "One file set split into train and test by --held-out and --seed", AllowMultipleArgumentsPerToken = true };
        var heldOut = new Option<double>("--held-out") { Description = "Share of each task's prompts held out for testing with --data", DefaultValueFactory = _ => 0.3 };
        var tune = new Option<bool>("--tune") { Description = "Choose --l2 and --blend by AIQ on a validation split of the training side (never the test side)" };
        var stages = new Option<int>("--cascade-stages") { Description = "Longest cascade chain (models on the training cost-quality hull, strongest last)", DefaultValueFactory = _ => 4 };
        var perTask = new Option<bool>("--per-task") { Description = "Train one router per task (text weights per task) instead of one shared router" };
        var onValidation = new Option<bool>("--on-validation") { Description = "Evaluate on the validation split of the training side instead of the test side (for trying settings without looking at the test set)" };
        var trainer = new TrainerArguments();
        var command = new Command("eval", "Train on one set, report AIQ and the cost-quality curve on another") { train, test, data, heldOut, tune, onValidation, stages, perTask };
        trainer.AddTo(command);
        command.SetAction(parse => RouterCommands.Guard(() =>
        {
            var seed = trainer.Seed(parse);
            var (trainSet, testSet) = Sets(parse.GetValue(train), parse.GetValue(test), parse.GetValue(data), parse.GetValue(heldOut), seed);
            if (parse.GetValue(onValidation)) (trainSet, testSet) = DatasetSplit.Split(trainSet, RouterTuning.ValidationFraction, seed + 1);
            var options = trainer.Read(parse);
            if (parse.GetValue(tune)) options = Tune(trainSet, options, seed);
            Console.WriteLine($"train: {trainSet.Samples.Count} prompts, test: {testSet.Samples.Count} prompts; trainer {options.Trainer}, l2 {options.L2}, blend {options.Blend}, word n-grams {options.WordNgrams}, char n-grams {options.CharNgrams}");
            var predictions = parse.GetValue(perTask)
                ? ConsoleProgress.Run("training per task", p => PerTaskPredictions.Of(trainSet, testSet, options, p))
                : ConsoleProgress.Run("predicting", p => RouterPredictions.Of(ConsoleProgress.Run("training", q => RouterTrainer.Train(trainSet, options, q)).Model, testSet, p));
            var lambdas = LambdaGrid.Default;
            var trainTable = new OutcomeTable(trainSet);
            var cascade = ConsoleProgress.Run("cascade", p => CascadeEvaluation.Run(trainSet, testSet, CascadeChain.FromTraining(trainTable, parse.GetValue(stages)), options, p));
            var report = ConsoleProgress.Run("sweeping", p => RouterEvaluation.Run(predictions, trainTable, new OutcomeTable(testSet), lambdas, [cascade], p));
            EvaluationPrinter.Print(report, lambdas, Console.Out);
            PrintAuc(predictions, new OutcomeTable(testSet), testSet);
            if (testSet.Tasks.Count() > 1)
                EvaluationPrinter.PrintPerTask(PerTaskEvaluation.Run(predictions, trainSet, testSet, lambdas), Console.Out);
            return 0;
        }));
        return command;
    }

    /// <summary>How much the text tells apart, beyond the task: the classifiers' ranking quality inside each task.</summary>
    private static void PrintAuc(RouterPredictions predictions, OutcomeTable outcomes, RoutingDataset test)
    {
        Console.WriteLine();
        Console.WriteLine("held-out AUC of each model's P(good) within tasks (0.5 = the text adds nothing to the task):");
        var tasks = test.Samples.Select(s => s.EvalName).ToList();
        for (var m = 0; m < test.Models.Count; m++)
            Console.WriteLine($"  {test.Models[m],-40} {PredictionAuc.WithinTasks(predictions, outcomes, tasks, m):F3}");
    }

    private static (RoutingDataset Train, RoutingDataset Test) Sets(string[]? train, string[]? test, string[]? data, double heldOut, int seed)
    {
        if (data is { Length: > 0 })
        {
            if (train is { Length: > 0 } || test is { Length: > 0 }) throw new ArgumentException("give either --data (split by --held-out) or --train and --test");
            return DatasetSplit.Split(RouterData.Load(data, withResponses: true), heldOut, seed);
        }
        if (train is not { Length: > 0 } || test is not { Length: > 0 }) throw new ArgumentException("give --train and --test files, or --data with --held-out");
        return (RouterData.Load(train, withResponses: true), RouterData.Load(test, withResponses: true));
    }

    private static RouterTrainerOptions Tune(RoutingDataset train, RouterTrainerOptions options, int seed)
    {
        var result = ConsoleProgress.Run("tuning on a validation split", p => RouterTuning.Select(train, options, RouterTuning.DefaultL2Grid, RouterTuning.DefaultBlendGrid, seed, p));
        foreach (var (l2, blend, aiq) in result.Scores) Console.WriteLine($"  validation AIQ at l2 {l2}, blend {blend}: {aiq:F4}");
        Console.WriteLine($"chosen: l2 {result.Best}, blend {result.BestBlend}");
        return options with { L2 = result.Best, Blend = result.BestBlend };
    }
}
