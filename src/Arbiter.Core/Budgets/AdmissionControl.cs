using Arbiter.Core.Accounting;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Keys;
using Arbiter.Core.Models;
using Arbiter.Core.Tokens;

namespace Arbiter.Core.Budgets;

/// <summary>
/// Decides whether a keyed request may go ahead: RPM, TPM and budgets of its key and team, with the estimated cost
/// reserved (prompt tokens by <see cref="ITokenEstimator"/>, output = max_tokens or
/// <see cref="AccountingConfig.ReservedOutputTokens"/>, priced at the dearest candidate). Since every admission
/// checks spend + reservations + its own estimate, concurrent requests cannot push a budget past its limit unless
/// a call costs more than its estimate. Requests without limits are not estimated at all.
/// </summary>
public sealed class AdmissionControl(SpendLedger ledger, ITokenEstimator estimator, AccountingConfig config)
{
    public SpendLedger Ledger => ledger;

    /// <summary>Admits the request or throws the refusal as an <see cref="ArbiterException"/> (429, or 400 for an unpriced model under a budget).</summary>
    public AdmissionTicket Admit(ChatRequest request, IReadOnlyList<ModelEntry> candidates, VirtualKey? key, Team? team)
    {
        var keyLimits = key?.Limits ?? KeyLimits.None;
        var teamLimits = team?.Limits ?? KeyLimits.None;
        var maxCost = Min(config.MaxRequestCostUsd, Min(keyLimits.MaxRequestCostUsd, teamLimits.MaxRequestCostUsd));
        var maxExtra = MinInt(config.MaxExtraCallsPerMinute, MinInt(keyLimits.MaxExtraCallsPerMinute, teamLimits.MaxExtraCallsPerMinute));
        if (key is null) return maxCost is null && maxExtra is null
            ? AdmissionTicket.Unlimited
            : new AdmissionTicket(ledger, null, null, ledger.Anonymous, null, 0, 0, maxCost, maxExtra);

        long tokens = 0;
        decimal reserve = 0;
        if (keyLimits.NeedsEstimate || teamLimits.NeedsEstimate || maxCost is not null)
        {
            tokens = estimator.EstimatePromptTokens(request, candidates[0]);
            var output = (long)(request.MaxOutputTokens ?? config.ReservedOutputTokens);
            var needsPrice = keyLimits.HasBudget || teamLimits.HasBudget || maxCost is not null;
            for (var i = 0; i < candidates.Count; i++)
            {
                var estimate = CostCalculator.Estimate(tokens, output, candidates[i].Price);
                if (estimate is null && needsPrice)
                    throw new ArbiterError(ErrorKind.InvalidRequest,
                        $"The model '{candidates[i].Name}' has no price, and this key's budget or cost cap can only be kept with priced models. Give the model a price in the configuration, or use a key without a budget.")
                    { Code = "unpriced_model", Param = "model" }.ToException();
                if (estimate > reserve) reserve = estimate.Value;
            }
            if (maxCost is decimal cap && reserve > cap)
                throw new Refusal($"This request could cost up to ${reserve:0.######}, over the per-request cap of ${cap}. Lower max_tokens or the prompt.",
                    Refusal.RequestCostCap, null).ToError().ToException();
        }

        var now = ledger.Time.GetUtcNow();
        var keyScope = ledger.ForKey(key);
        if (keyScope.TryAdmit(keyLimits, reserve, tokens, now) is { } refused) throw refused.ToError().ToException();
        ScopeLedger? teamScope = null;
        if (key.Team is { } teamName)
        {
            teamScope = ledger.ForTeam(teamName);
            if (teamScope.TryAdmit(teamLimits, reserve, tokens, now) is { } teamRefused)
            {
                keyScope.Undo(reserve, tokens, now);
                throw teamRefused.ToError().ToException();
            }
        }
        return new AdmissionTicket(ledger, key, team, keyScope, teamScope, reserve, tokens, maxCost, maxExtra);
    }

    private static decimal? Min(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
    private static int? MinInt(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
