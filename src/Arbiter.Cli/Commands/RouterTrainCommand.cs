using System.CommandLine;
using Arbiter.Learning.Data;
using Arbiter.Learning.Model;
using Arbiter.Learning.Training;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter router train --data FILE... --out DIR [--held-out F] [--strong-share S --strong M --weak M]</c>.</summary>
internal static class RouterTrainCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "Training files: RouterBench CSV or feedback JSONL", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Router directory to write", Required = true };
        var heldOut = new Option<double>("--held-out") { Description = "Leave out this share of each task's prompts (the seeded split `router eval` uses), 0 = train on all", DefaultValueFactory = _ => 0 };
        var share = new Option<double?>("--strong-share") { Description = "Calibrate a strong/weak threshold sending about this share of the calibration prompts to --strong" };
        var strong = new Option<string?>("--strong") { Description = "Strong model for --strong-share (default: best training quality)" };
        var weak = new Option<string?>("--weak") { Description = "Weak model for --strong-share (default: cheapest)" };
        var calibration = new Option<string[]>("--calibration") { Description = "Prompts to calibrate on (default: the training prompts)", AllowMultipleArgumentsPerToken = true };
        var trainer = new TrainerArguments();
        var command = new Command("train", "Train a router on per-prompt model outcomes") { data, output, heldOut, share, strong, weak, calibration };
        trainer.AddTo(command);
        command.SetAction(parse => RouterCommands.Guard(() =>
        {
            var set = RouterData.Load(parse.GetValue(data)!);
            var fraction = parse.GetValue(heldOut);
            if (fraction > 0) set = DatasetSplit.Split(set, fraction, trainer.Seed(parse)).Train;
            var options = trainer.Read(parse);
            var trained = ConsoleProgress.Run("training", p => RouterTrainer.Train(set, options, p));
            var dir = parse.GetValue(output)!;
            trained.Save(dir);
            if (parse.GetValue(share) is { } s)
            {
                var calibrationFiles = parse.GetValue(calibration);
                var prompts = calibrationFiles is { Length: > 0 } ? RouterData.Load(calibrationFiles) : set;
                var cal = ThresholdCalibrator.Calibrate(trained.Model, prompts, s, parse.GetValue(strong), parse.GetValue(weak));
                RouterModelStore.WriteManifest(trained.Model.Manifest with { Calibration = cal }, dir);
                Console.WriteLine($"calibrated: {cal.StrongModel} when P(strong) - P(weak) > {cal.Threshold:G6} ({s:P0} of {prompts.Samples.Count} calibration prompts); else {cal.WeakModel}");
            }
            Console.WriteLine($"trained on {set.Samples.Count} prompts, {set.Models.Count} models -> {dir}");
            return 0;
        }));
        return command;
    }
}
