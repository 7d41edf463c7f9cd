using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Orchestration.Calls;
using Arbiter.Core.Orchestration.Governance;

namespace Arbiter.Core.Orchestration.Chains;

/// <summary>
/// Runs a declarative chain: each step's prompt is rendered from the input and the earlier steps' accepted outputs,
/// answered by its model or route, and checked by its validator; a failing output is retried on a stronger model
/// (the step's <c>escalate_to</c>, else the next tiers) before the chain goes on, so no step builds on a bad output.
/// The run's cost (the budget's cap) and latency (<c>max_latency_ms</c>) are capped; retries and judges are extra calls
/// the governor admits.
/// </summary>
public sealed class ChainRunner
{
    private readonly FanOutCalls _calls;
    private readonly StrongerModels _stronger;
    private readonly TimeProvider _time;
    private readonly IReadOnlyDictionary<string, IStepValidator> _validators;

    public ChainRunner(FanOutCalls calls, StrongerModels stronger, TimeProvider time, IEnumerable<IStepValidator>? validators = null)
    {
        _calls = calls;
        _stronger = stronger;
        _time = time;
        _validators = (validators ?? [new JsonSchemaStepValidator(), new RegexStepValidator(), new JudgeStepValidator(), new NonEmptyStepValidator()])
            .ToDictionary(v => v.Name, StringComparer.Ordinal);
    }

    /// <param name="holdLastStep">Stop before a last step without a validator and return it as <see cref="ChainRun.Pending"/>, for streaming.</param>
    public async Task<ChainRun> RunAsync(string name, ChainConfig chain, string input, FanOutBudget budget, bool holdLastStep, CancellationToken cancellationToken)
    {
        var ledger = new CallLedger(budget);
        var start = _time.GetTimestamp();
        using var latencyCap = chain.MaxLatencyMs is double ms ? new CancellationTokenSource(TimeSpan.FromMilliseconds(ms), _time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, latencyCap.Token);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new List<ChainStepResult>();
        var accepted = new List<ModelCall>();
        var outcome = new ChainOutcome(name, ledger, _time, start);
        try
        {
            for (var i = 0; i < chain.Steps.Count; i++)
            {
                var step = chain.Steps[i];
                var request = Request(step, input, outputs);
                var target = step.Model ?? step.Route!;
                if (holdLastStep && i == chain.Steps.Count - 1 && step.Validate is null)
                    return outcome.Build(results, accepted, null) with { Pending = (request, target, step.Name) };
                var (result, answer, error) = await RunStepAsync(step, request, target, ledger, first: i == 0, linked.Token).ConfigureAwait(false);
                results.Add(result);
                if (answer is not null) accepted.Add(answer);
                if (error is not null) return outcome.Build(results, accepted, error);
                outputs[step.Name] = result.Output!;
            }
        }
        catch (OperationCanceledException) when (latencyCap.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return outcome.Build(results, accepted, new ArbiterError(ErrorKind.UpstreamTimeout,
                $"chain '{name}' stopped: it took longer than its max_latency_ms of {chain.MaxLatencyMs}"));
        }
        return outcome.Build(results, accepted, null);
    }

    private async Task<(ChainStepResult Result, ModelCall? Answer, ArbiterError? Error)> RunStepAsync(
        ChainStepConfig step, ChatRequest request, string target, CallLedger ledger, bool first, CancellationToken ct)
    {
        var candidates = new List<string> { target };
        candidates.AddRange(step.EscalateTo ?? _stronger.After(_stronger.FirstModelOf(target)));
        var attempts = new List<ChainAttempt>();
        var role = "step:" + step.Name;
        ArbiterError? lastError = null;
        for (var k = 0; k < candidates.Count; k++)
        {
            var candidate = candidates[k];
            ModelCall? call = first && k == 0
                ? await _calls.FirstAsync(ledger, request, candidate, role, ct).ConfigureAwait(false)
                : k == 0
                    ? await _calls.TryBudgetedAsync(ledger, request, candidate, role, ct).ConfigureAwait(false)
                    : await _calls.TryExtraAsync(ledger, request, candidate, role + " retry", ct).ConfigureAwait(false);
            if (call is null)
            {
                var refusal = ledger.Records[^1].Note ?? "refused";
                attempts.Add(new ChainAttempt(candidate, false, refusal, 0m, 0, refusal));
                return (new ChainStepResult(step.Name, null, null, false, attempts), null,
                    new ArbiterError(ErrorKind.RateLimited, $"chain step '{step.Name}' stopped: {refusal}") { Code = "chain_cost_cap" });
            }
            var latency = Math.Round(call.Duration.TotalMilliseconds, 1);
            if (!call.Succeeded)
            {
                lastError = call.Error;
                attempts.Add(new ChainAttempt(call.Model?.Name ?? candidate, false, "call failed", call.CostUsd, latency, call.Error?.Message));
                continue;
            }
            var verdict = step.Validate is { } v
                ? await _validators[v.Type].ValidateAsync(new StepCheck(call, v, _calls, ledger), ct).ConfigureAwait(false)
                : StepVerdict.Pass("no validator");
            var model = call.Model?.Name ?? candidate;
            attempts.Add(new ChainAttempt(model, verdict.Passed, verdict.Reason, call.CostUsd, latency));
            // An output nobody could check is not used, and the chain stops: no step runs on it.
            if (verdict.Unchecked)
                return (new ChainStepResult(step.Name, null, null, false, attempts), null,
                    new ArbiterError(ErrorKind.RateLimited, $"chain step '{step.Name}' stopped: its output could not be checked ({verdict.Reason})") { Code = "chain_cost_cap" });
            if (verdict.Passed) return (new ChainStepResult(step.Name, model, call.Text, true, attempts), call, null);
            lastError = null;
        }
        var why = lastError is not null ? lastError.Message : "no model produced an output that passed validation";
        return (new ChainStepResult(step.Name, null, null, false, attempts), null,
            new ArbiterError(lastError?.Kind ?? ErrorKind.UpstreamError, $"chain step '{step.Name}' failed on every model ({string.Join(", ", candidates)}): {why}") { Code = lastError is null ? "chain_step_invalid" : null });
    }

    /// <summary>The step's request: its system message and prompt with placeholders filled, its schema and token limit.</summary>
    public static ChatRequest Request(ChainStepConfig step, string input, IReadOnlyDictionary<string, string> outputs)
    {
        var messages = new List<ChatMessage>(2);
        if (step.System is { } system) messages.Add(ChatMessage.System(ChainTemplate.Render(system, input, outputs)));
        messages.Add(ChatMessage.User(ChainTemplate.Render(step.Prompt, input, outputs)));
        return new ChatRequest
        {
            Model = step.Model ?? step.Route!,
            Messages = messages,
            ResponseFormat = step.ResponseSchema is { } schema ? Prompts.Schema(step.Name, schema) : null,
            MaxOutputTokens = step.MaxTokens,
        };
    }
}
