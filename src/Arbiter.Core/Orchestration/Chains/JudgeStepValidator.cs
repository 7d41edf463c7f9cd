using System.Globalization;
using Arbiter.Core.Cascade;
using Arbiter.Core.Cascade.Gates;
using Arbiter.Core.Config;

namespace Arbiter.Core.Orchestration.Chains;

/// <summary>
/// A judge model scores the output from 0 to 1 (the routing engine's judge prompt and score reading); below
/// <c>min_score</c> fails. The judge call is an extra call: the governor may refuse it, and a judge that cannot
/// score fails the step (a chain must not build on an output nobody could check).
/// </summary>
public sealed class JudgeStepValidator : IStepValidator
{
    public string Name => StepValidators.Judge;

    public async ValueTask<StepVerdict> ValidateAsync(StepCheck check, CancellationToken cancellationToken)
    {
        var answer = check.Answer;
        var gate = new GateInput(answer.Request ?? new Chat.ChatRequest { Model = answer.Target, Messages = [] }, answer.Response!, answer.Model!, new RouteConfig());
        var judge = check.Config.Judge!;
        var call = await check.Calls.TryExtraAsync(check.Ledger, JudgeGate.JudgeRequest(gate, judge), judge, "judge", cancellationToken).ConfigureAwait(false);
        if (call is null) return StepVerdict.NotChecked("judge call " + (check.Ledger.Records[^1].Note ?? "refused"));
        if (!call.Succeeded || JudgeGate.ReadScore(call.Text) is not double score) return StepVerdict.Fail("the judge gave no score");
        var text = string.Create(CultureInfo.InvariantCulture, $"judge {score:0.##} (min {check.Config.MinScore:0.##})");
        return score >= check.Config.MinScore ? StepVerdict.Pass(text) : StepVerdict.Fail(text);
    }
}
