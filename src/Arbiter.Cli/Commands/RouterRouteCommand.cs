using System.CommandLine;
using Arbiter.Learning.Data;
using Arbiter.Learning.Model;
using Arbiter.Learning.Routing;

namespace Arbiter.Cli.Commands;

/// <summary>
/// <c>arbiter router route --model DIR --data FILE.csv --lambda L --out FILE.jsonl</c>: one
/// <c>{"sample_id": ..., "model": ...}</c> line per row. Reads only sample_id, prompt and eval_name.
/// </summary>
internal static class RouterRouteCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Router directory (from router train)", Required = true };
        var data = new Option<string>("--data") { Description = "CSV with sample_id, prompt and optionally eval_name", Required = true };
        var lambda = new Option<double>("--lambda") { Description = "Cost weight: maximise predicted quality - L x expected USD cost (0: best quality)", DefaultValueFactory = _ => 0 };
        var margin = new Option<double>("--margin") { Description = "Confidence margin: of the models within this utility of the best, take the strongest", DefaultValueFactory = _ => 0 };
        var calibrated = new Option<bool>("--calibrated") { Description = "Use the calibrated strong/weak threshold (router train --strong-share) instead of --lambda" };
        var output = new Option<string>("--out") { Description = "JSONL file to write", Required = true };
        var command = new Command("route", "Choose a model for each prompt of a file") { model, data, lambda, margin, calibrated, output };
        command.SetAction(parse => RouterCommands.Guard(() =>
        {
            var router = RouterModelStore.Load(parse.GetValue(model)!);
            var prompts = RouterBenchCsv.Load(parse.GetValue(data)!);
            var l = parse.GetValue(lambda);
            if (l < 0) throw new ArgumentException("--lambda must not be negative");
            var chooser = parse.GetValue(calibrated)
                ? PromptRouter.Calibrated(router)
                : PromptRouter.CostAware(router, l, parse.GetValue(margin));
            using (var file = File.Create(parse.GetValue(output)!))
                RouteDecisionsJsonl.Write(file, prompts.Samples.Select(s => (s.SampleId, router.Models[chooser.Choose(s.Text, s.EvalName)])));
            Console.WriteLine($"routed {prompts.Samples.Count} prompts -> {parse.GetValue(output)}");
            return 0;
        }));
        return command;
    }
}
