using System.Globalization;

namespace Arbiter.Core.Budgets;

/// <summary>
/// The gate for calls that fan out (a cascade's next stage, a parallel mode's extra models). Before each call beyond
/// the first, ask <see cref="TryStartExtraCall"/> with the call's estimated cost; after each call, record its cost on
/// the ticket (<see cref="AdmissionTicket.RecordCall"/>). An extra call is refused when it would take the request
/// past its per-request cost cap, the key past its extra calls per minute, or the key's or team's budget (the
/// estimate is then reserved, so concurrent fan-outs cannot overshoot either).
/// </summary>
public sealed class CostGovernor(TimeProvider time)
{
    /// <returns>Null when the call may go ahead; otherwise the refusal (its message is fit for a decision trace or a 429).</returns>
    public Refusal? TryStartExtraCall(AdmissionTicket ticket, decimal? estimatedCostUsd)
    {
        if (ticket.MaxRequestCostUsd is decimal cap)
        {
            if (estimatedCostUsd is not decimal estimate)
                return new Refusal("The next call's model has no price, and this request has a cost cap.", Refusal.RequestCostCap, null);
            var spent = ticket.SpentUsd;
            if (spent + estimate > cap)
                return new Refusal(string.Create(CultureInfo.InvariantCulture,
                    $"The next call (up to ${estimate:0.######}) would take this request past its cost cap of ${cap} (spent ${spent:0.######})."),
                    Refusal.RequestCostCap, null);
        }
        var now = time.GetUtcNow();
        var rateScope = ticket.KeyScope;
        if (ticket.MaxExtraCallsPerMinute is int perMinute && rateScope?.TryTakeExtraCall(perMinute, now) is { } busy) return busy;
        if (estimatedCostUsd is decimal amount && amount > 0 && ticket.Key is { } key)
        {
            if (ticket.KeyScope?.TryReserveMore(key.Limits, amount, now) is { } overKey) return overKey;
            if (ticket.TeamScope is { } teamScope && teamScope.TryReserveMore(ticket.Team?.Limits ?? Keys.KeyLimits.None, amount, now) is { } overTeam)
            {
                ticket.KeyScope?.Settle(amount, 0, 0, now);
                return overTeam;
            }
            ticket.AddReservation(amount);
        }
        return null;
    }
}
