using System.CommandLine;
using Arbiter.Learning.Data;

namespace Arbiter.Cli.Commands;

/// <summary>
/// <c>arbiter router from-log --requests FILE --feedback FILE --out FILE.jsonl</c>: joins exported requests (with
/// prompts) and feedback scores into the training format <c>router train --data FILE.jsonl</c> reads.
/// </summary>
internal static class RouterFromLogCommand
{
    public static Command Create()
    {
        var requests = new Option<string>("--requests") { Description = "JSONL: request_id, prompt, served_model (or model), cost_usd, task", Required = true };
        var feedback = new Option<string>("--feedback") { Description = "JSONL: request_id, score (0..1)", Required = true };
        var output = new Option<string>("--out") { Description = "Training JSONL to write", Required = true };
        var command = new Command("from-log", "Build training data from the request log and feedback scores") { requests, feedback, output };
        command.SetAction(parse => RouterCommands.Guard(() =>
        {
            using var r = new StreamReader(parse.GetValue(requests)!);
            using var f = new StreamReader(parse.GetValue(feedback)!);
            using var o = new StreamWriter(parse.GetValue(output)!);
            var counts = FeedbackJoin.Join(r, f, o);
            Console.WriteLine($"{counts.Requests} requests, {counts.WithFeedback} with feedback, {counts.Written} training lines -> {parse.GetValue(output)}");
            return 0;
        }));
        return command;
    }
}
