using System.Globalization;
using System.Text.Json;
using Arbiter.Core.Accounting;
using Arbiter.Core.Chat;
using Arbiter.Core.Execution;
using Arbiter.Core.Models;
using Arbiter.Core.Routing;

namespace Arbiter.Core.Cascade.Gates;

/// <summary>
/// Asks the route's judge model (through the executor, like any call) to score the answer from 0 to 1, as JSON
/// <c>{"score": n}</c>; fails below <c>judge.min_score</c>. A score above 1 is read as a percentage. When the
/// judge itself fails or answers nonsense the gate passes: an outage of the judge must not multiply every
/// request's cost by escalating it.
/// </summary>
public sealed class JudgeGate(ChatExecutor executor, ModelCatalog models) : IQualityGate
{
    private const int AnswerMaxChars = 8000;
    private static readonly JsonElement ScoreSchema = JsonDocument.Parse(
        """{"type":"object","properties":{"score":{"type":"number","minimum":0,"maximum":1}},"required":["score"],"additionalProperties":false}""").RootElement.Clone();

    public string Name => QualityGates.Judge;

    public async ValueTask<GateVerdict> CheckAsync(GateInput input, CancellationToken cancellationToken)
    {
        if (input.Route.Judge is not { } judge || !models.TryGet(judge.Model, out var model)) return GateVerdict.Pass;
        var request = JudgeRequest(input, judge.Model);
        var outcome = await executor.CompleteAsync(request, new RoutePlan(judge.Model, [model], "judge"), cancellationToken).ConfigureAwait(false);
        var cost = CostCalculator.Cost(outcome.Response?.Usage, model.Price);
        var score = outcome.Response is { Choices.Count: > 0 } r ? ReadScore(r.Choices[0].Message.AllText()) : null;
        var verdict = score switch
        {
            null => new GateVerdict(true, "judge gave no score"),
            { } s when s < judge.MinScore => GateVerdict.Fail($"judge {Format(s)} < {Format(judge.MinScore)}"),
            { } s => new GateVerdict(true, $"judge {Format(s)}"),
        };
        return verdict with { CostUsd = cost, Attempts = AsJudgeCalls(outcome.Attempts), Score = score };
    }

    // Marked so that a failed judge call followed by the next stage (after another gate's rejection) is not read as a fallback.
    private static Attempt[] AsJudgeCalls(IReadOnlyList<Attempt> attempts)
    {
        var marked = new Attempt[attempts.Count];
        for (var i = 0; i < marked.Length; i++) marked[i] = attempts[i] with { Purpose = AttemptPurposes.Judge };
        return marked;
    }

    public static ChatRequest JudgeRequest(GateInput input, string judgeModel)
    {
        var question = LastUser(input.Request);
        var answer = input.Text;
        if (answer.Length > AnswerMaxChars) answer = answer[..AnswerMaxChars];
        return new ChatRequest
        {
            Model = judgeModel,
            Messages =
            [
                ChatMessage.System("You grade answers. Score how well the answer serves the request, from 0 (useless or wrong) to 1 (complete and correct). Reply only with JSON: {\"score\": number}."),
                ChatMessage.User($"Request:\n{question}\n\nAnswer:\n{answer}"),
            ],
            ResponseFormat = new ResponseFormat { Kind = ResponseFormatKind.JsonSchema, SchemaName = "grade", Schema = ScoreSchema, Strict = true },
            Temperature = 0,
            MaxOutputTokens = 50,
        };
    }

    /// <summary>The score in 0..1 from <c>{"score": n}</c> (n above 1 read as a percentage), else null.</summary>
    public static double? ReadScore(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("score", out var s) || !s.TryGetDouble(out var score)) return null;
            if (score > 1 && score <= 100) score /= 100;
            return score is >= 0 and <= 1 ? score : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string LastUser(ChatRequest request)
    {
        for (var i = request.Messages.Count - 1; i >= 0; i--)
            if (request.Messages[i].Role == ChatRole.User) return request.Messages[i].AllText();
        return "";
    }

    private static string Format(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
