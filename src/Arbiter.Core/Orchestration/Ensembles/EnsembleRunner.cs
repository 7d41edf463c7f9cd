using System.Globalization;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Orchestration.Calls;
using Arbiter.Core.Orchestration.Governance;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>
/// Answers one request with several models at once (<c>model: "ensemble:NAME"</c>): the first member always, each
/// further one when the governor admits it; then measures how much the answers disagree, lets the mode pick, and
/// above the threshold hands the question, every answer and their differences to the supervisor, which decides.
/// </summary>
public sealed class EnsembleRunner
{
    private readonly FanOutCalls _calls;
    private readonly IReadOnlyDictionary<string, IEnsembleMode> _modes;
    private readonly IReadOnlyDictionary<string, IAnswerComparison> _comparisons;

    public EnsembleRunner(FanOutCalls calls, IEnumerable<IEnsembleMode>? modes = null, IEnumerable<IAnswerComparison>? comparisons = null)
    {
        _calls = calls;
        var vote = new VoteMode();
        _modes = (modes ?? [new FirstGoodMode(), new AllAnswersMode(), vote, new JudgeMode(vote)]).ToDictionary(m => m.Name, StringComparer.Ordinal);
        var text = new TextComparison();
        var json = new JsonComparison();
        _comparisons = (comparisons ?? [text, json, new AutoComparison(text, json)]).ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public async Task<CompositeResult> RunAsync(string name, EnsembleConfig config, ChatRequest request, FanOutBudget budget, CancellationToken cancellationToken)
    {
        var ledger = new CallLedger(budget);
        var mode = _modes[config.Mode];
        var context = new EnsembleContext(name, config, request, _comparisons[config.Comparison], _calls, ledger);
        var answers = mode.Races
            ? await RaceAsync(context, cancellationToken).ConfigureAwait(false)
            : await AllAsync(context, cancellationToken).ConfigureAwait(false);
        var result = new EnsembleOutcome(name, config, mode.Name, ledger);
        if (answers.Count == 0)
            return result.Failed(ledger.Calls.LastOrDefault(c => c.Error is not null)?.Error
                ?? new ArbiterError(ErrorKind.UpstreamError, $"no member of ensemble '{name}' answered"));
        if (answers.Count == 1 || mode.Races)
            return result.Answered(request, answers, new EnsemblePick(answers[0], mode.Races ? "first good answer" : "only one member answered"), null, null);

        var disagreement = context.Comparison.Compare(answers.Select(a => a.Text).ToList());
        var pick = await mode.PickAsync(context, answers, cancellationToken).ConfigureAwait(false);
        if (disagreement.Score <= config.Threshold || config.Supervisor is not { } supervisor)
            return result.Answered(request, answers, pick, disagreement, null);

        var why = string.Create(CultureInfo.InvariantCulture, $"disagreement {disagreement.Score:0.00} > threshold {config.Threshold:0.00}");
        var decided = await _calls.TryExtraAsync(ledger, Supervisor.Request(request, answers, disagreement), supervisor, "supervisor", cancellationToken).ConfigureAwait(false);
        var escalation = decided is { Succeeded: true }
            ? new Escalation(decided, why)
            : new Escalation(null, why + (decided is null ? "; the governor refused the supervisor call" : "; the supervisor failed: " + decided.Error?.Message));
        return result.Answered(request, answers, pick, disagreement, escalation);
    }

    /// <summary>Every admitted member at once; answers in member order.</summary>
    private async Task<IReadOnlyList<ModelCall>> AllAsync(EnsembleContext context, CancellationToken ct)
    {
        var tasks = Start(context, ct);
        var calls = await Task.WhenAll(tasks).ConfigureAwait(false);
        return calls.Where(c => c is { Succeeded: true }).Select(c => c!).ToList();
    }

    /// <summary>Every admitted member at once; the first good answer ends the race and the rest are cancelled.</summary>
    private async Task<IReadOnlyList<ModelCall>> RaceAsync(EnsembleContext context, CancellationToken ct)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pending = Start(context, race.Token).ToList();
        ModelCall? winner = null;
        while (pending.Count > 0 && winner is null)
        {
            var done = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(done);
            if (done.IsCompletedSuccessfully && done.Result is { Succeeded: true } call && Good(call)) winner = call;
        }
        await race.CancelAsync().ConfigureAwait(false);
        foreach (var loser in pending)
        {
            try { await loser.ConfigureAwait(false); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
        ct.ThrowIfCancellationRequested();
        return winner is null ? [] : [winner];
    }

    private List<Task<ModelCall?>> Start(EnsembleContext context, CancellationToken ct)
    {
        var members = context.Config.Members;
        var tasks = new List<Task<ModelCall?>>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var role = "member " + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (i == 0)
            {
                tasks.Add(Guard(context, member, role, _calls.FirstAsync(context.Ledger, context.Request, member, role, ct)));
                continue;
            }
            if (!_calls.TryAdmit(context.Ledger, context.Request, member, role, out var estimate)) continue;
            tasks.Add(Guard(context, member, role, _calls.AdmittedAsync(context.Ledger, context.Request, member, role, estimate, ct)));
        }
        return tasks;
    }

    /// <summary>A member cancelled because another won the race is recorded as such, not as a failure.</summary>
    private static async Task<ModelCall?> Guard(EnsembleContext context, string member, string role, Task<ModelCall> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            context.Ledger.Cancelled(role, member, "another member answered first");
            throw;
        }
    }

    private static bool Good(ModelCall call) =>
        call.Text.Trim().Length > 0 && call.Response!.Choices[0].FinishReason is not FinishReason.Length;
}
