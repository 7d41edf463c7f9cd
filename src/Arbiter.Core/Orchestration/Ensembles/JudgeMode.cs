using System.Globalization;
using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>
/// The judge model reads the question and every answer and names the best, as JSON <c>{"best": n, "reason": "..."}</c>
/// with n limited to the answers' numbers. A judge that fails, is refused by the governor or names no valid answer
/// falls back to a vote, so the request still gets an answer.
/// </summary>
public sealed class JudgeMode(VoteMode fallback) : IEnsembleMode
{
    public string Name => EnsembleModes.Judge;
    public bool Races => false;

    public async ValueTask<EnsemblePick> PickAsync(EnsembleContext context, IReadOnlyList<ModelCall> answers, CancellationToken cancellationToken)
    {
        var request = Request(context.Request, answers);
        var judge = await context.Calls.TryExtraAsync(context.Ledger, request, context.Config.Judge!, "judge", cancellationToken).ConfigureAwait(false);
        if (judge is { Succeeded: true } && Read(judge.Text, answers.Count) is var (best, why))
            return new EnsemblePick(answers[best - 1], string.Create(CultureInfo.InvariantCulture, $"judge picked answer {best}"))
            {
                Details = new Dictionary<string, string> { ["judge_reason"] = why },
            };
        var vote = await fallback.PickAsync(context, answers, cancellationToken).ConfigureAwait(false);
        return vote with { Reason = "judge gave no valid pick; " + vote.Reason };
    }

    internal static ChatRequest Request(ChatRequest original, IReadOnlyList<ModelCall> answers)
    {
        var numbers = string.Join(",", Enumerable.Range(1, answers.Count));
        return new ChatRequest
        {
            Model = "judge",
            Messages =
            [
                ChatMessage.System("You judge answers. Read the request and the numbered answers, and pick the one that serves the request best (correct, complete, in the form asked). Reply only with JSON: {\"best\": number, \"reason\": string}."),
                ChatMessage.User($"Request:\n{Prompts.Question(original)}\n\nAnswers:\n{Prompts.Answers(answers)}"),
            ],
            ResponseFormat = Prompts.Schema("pick", $$$"""{"type":"object","properties":{"best":{"type":"integer","enum":[{{{numbers}}}]},"reason":{"type":"string"}},"required":["best","reason"],"additionalProperties":false}"""),
            Temperature = 0,
            MaxOutputTokens = 200,
        };
    }

    private static (int Best, string Reason)? Read(string text, int count)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("best", out var b) || !b.TryGetInt32(out var best) || best < 1 || best > count) return null;
            var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
            return (best, reason);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
