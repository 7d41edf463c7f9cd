using System.CommandLine;
using System.Globalization;
using Arbiter.Learning.Data;
using Arbiter.Learning.Evaluation;
using Arbiter.Learning.Training;

namespace Arbiter.Cli.Commands;

/// <summary>
/// <c>arbiter router eval-routellm --data ../shared/data/routellm</c>: GPT-4 vs Mixtral on RouteLLM's MMLU data.
/// Trains on a seeded per-subject split, ranks held-out prompts by the predicted gain of GPT-4 over Mixtral, and
/// prints the share of calls to GPT-4 needed for a target fraction (default 95%) of GPT-4's held-out score.
/// </summary>
internal static class RouterEvalRouteLlmCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "RouteLLM eval data folder (with mmlu_responses/)", Required = true };
        var heldOut = new Option<double>("--held-out") { Description = "Share of each subject's prompts held out for testing", DefaultValueFactory = _ => 0.3 };
        var target = new Option<double>("--target") { Description = "Fraction of GPT-4's held-out score to reach", DefaultValueFactory = _ => 0.95 };
        var share = new Option<double>("--strong-share") { Description = "Also calibrate a threshold on the training prompts for this share of GPT-4 calls and report it on the test side", DefaultValueFactory = _ => 0.5 };
        var tune = new Option<bool>("--tune") { Description = "Choose --l2 by the GPT-4 share needed on a validation split of the training side (never the test side)" };
        var trainer = new TrainerArguments();
        var command = new Command("eval-routellm", "GPT-4 calls needed for 95% of GPT-4's MMLU score (RouteLLM data)") { data, heldOut, target, share, tune };
        trainer.AddTo(command);
        command.SetAction(parse => RouterCommands.Guard(() =>
        {
            var all = RouteLlmMmlu.Load(parse.GetValue(data)!);
            var (train, test) = DatasetSplit.Split(all, parse.GetValue(heldOut), trainer.Seed(parse));
            var options = trainer.Read(parse);
            if (parse.GetValue(tune)) options = Tune(train, options, parse.GetValue(target), trainer.Seed(parse));
            var trained = ConsoleProgress.Run("training", p => RouterTrainer.Train(train, options, p));
            var predictions = ConsoleProgress.Run("predicting", p => RouterPredictions.Of(trained.Model, test, p));
            const int weak = 0, strong = 1;
            var weakScore = test.Samples.Select(s => s.Scores[weak]).ToArray();
            var strongScore = test.Samples.Select(s => s.Scores[strong]).ToArray();
            double weakQ = weakScore.Average(v => v), strongQ = strongScore.Average(v => v);
            var goal = parse.GetValue(target) * strongQ;
            var learnedGain = predictions.Quality.Select(q => (double)(q[strong] - q[weak])).ToArray();
            var perSubjectGain = PerSubjectGain(train, test);

            var o = Console.Out;
            o.WriteLine($"MMLU (RouteLLM data, contaminated prompts dropped): train {train.Samples.Count}, held-out {test.Samples.Count} prompts");
            o.WriteLine($"held-out accuracy: {RouteLlmMmlu.Strong} {strongQ:F4}, {RouteLlmMmlu.Weak} {weakQ:F4}; target {parse.GetValue(target):P0} of GPT-4 = {goal:F4}");
            o.WriteLine($"GPT-4 call share needed for the target:");
            o.WriteLine($"  learned router                        {Share(StrongShareCurve.ShareReaching(learnedGain, weakScore, strongScore, goal))}");
            o.WriteLine($"  subject-level router (train accuracy) {Share(StrongShareCurve.ShareReaching(perSubjectGain, weakScore, strongScore, goal))}");
            o.WriteLine($"  random mixing (expected)              {Share((goal - weakQ) / (strongQ - weakQ))}");

            var s = parse.GetValue(share);
            var cal = ThresholdCalibrator.Calibrate(trained.Model, train, s, RouteLlmMmlu.Strong, RouteLlmMmlu.Weak);
            var routedStrong = learnedGain.Select(g => g > cal.Threshold).ToArray();
            var q = Enumerable.Range(0, routedStrong.Length).Average(i => routedStrong[i] ? strongScore[i] : weakScore[i]);
            o.WriteLine($"threshold calibrated on the training prompts for {s:P0} GPT-4 calls: {cal.Threshold:G6}; on held-out: {routedStrong.Average(b => b ? 1.0 : 0):P1} GPT-4 calls, accuracy {q:F4} ({q / strongQ:P1} of GPT-4)");
            o.WriteLine("quality by GPT-4 call share (learned router):");
            for (var pct = 0; pct <= 100; pct += 10)
            {
                var k = (int)Math.Round(pct / 100.0 * learnedGain.Length);
                var qq = StrongShareCurve.QualityAt(learnedGain, weakScore, strongScore, k);
                o.WriteLine($"  {pct,3}%  {qq:F4}  ({qq / strongQ:P1} of GPT-4)");
            }
            return 0;
        }));
        return command;
    }

    /// <summary>Each L2 of the grid trained on 80% of the training side; the one needing the fewest GPT-4 calls on the other 20% wins.</summary>
    private static RouterTrainerOptions Tune(RoutingDataset train, RouterTrainerOptions options, double target, int seed)
    {
        var (fit, validation) = DatasetSplit.Split(train, RouterTuning.ValidationFraction, seed + 1);
        var weak = validation.Samples.Select(s => s.Scores[0]).ToArray();
        var strong = validation.Samples.Select(s => s.Scores[1]).ToArray();
        var goal = target * strong.Average(v => v);
        var best = (L2: options.L2, Share: double.MaxValue);
        foreach (var l2 in RouterTuning.DefaultL2Grid)
        {
            var model = ConsoleProgress.Run($"tuning l2 {l2}", p => RouterTrainer.Train(fit, options with { L2 = l2 }, p)).Model;
            var q = RouterPredictions.Of(model, validation).Quality;
            var needed = StrongShareCurve.ShareReaching(q.Select(x => (double)(x[1] - x[0])).ToArray(), weak, strong, goal) ?? 1;
            Console.WriteLine($"  validation GPT-4 share at l2 {l2}: {Share(needed)}");
            if (needed < best.Share) best = (l2, needed);
        }
        Console.WriteLine($"chosen l2: {best.L2}");
        return options with { L2 = best.L2 };
    }

    private static string Share(double? share) => share is { } v ? v.ToString("P1", Inv) : "not reached";

    /// <summary>The baseline: every prompt of a subject gets that subject's training gain (GPT-4 minus Mixtral accuracy).</summary>
    private static double[] PerSubjectGain(RoutingDataset train, RoutingDataset test)
    {
        var gain = train.Samples.GroupBy(s => s.EvalName).ToDictionary(g => g.Key, g => g.Average(s => (double)(s.Scores[1] - s.Scores[0])));
        return test.Samples.Select(s => gain.TryGetValue(s.EvalName, out var g) ? g : 0).ToArray();
    }
}
