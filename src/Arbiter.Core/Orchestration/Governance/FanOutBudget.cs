using Arbiter.Core.Budgets;

namespace Arbiter.Core.Orchestration.Governance;

/// <summary>
/// What one composite request may still spend under its mode's own cap (an ensemble's or chain's max_cost_usd), on top
/// of the request's admission ticket (key, budgets, the global cap, extra calls per minute), with the cost so far plus
/// what admitted calls may still cost. Thread-safe: members start and finish concurrently.
/// </summary>
public sealed class FanOutBudget(AdmissionTicket ticket, decimal? maxCostUsd)
{
    private readonly Lock _gate = new();
    private decimal _spent;
    private decimal _reserved;

    /// <summary>The request's account with the accounting layer; every finished call is recorded on it.</summary>
    public AdmissionTicket Ticket { get; } = ticket;
    public decimal? MaxCostUsd { get; } = maxCostUsd;

    public decimal SpentUsd { get { lock (_gate) return _spent; } }

    /// <summary>Reserves <paramref name="estimate"/> when it fits under the cap; false (nothing reserved) when it does not.</summary>
    public bool TryReserve(decimal? estimate, out decimal committed)
    {
        lock (_gate)
        {
            committed = _spent + _reserved;
            if (MaxCostUsd is decimal cap)
            {
                if (estimate is not decimal e || committed + e > cap) return false;
            }
            _reserved += estimate ?? 0;
            return true;
        }
    }

    /// <summary>A call ended: its reservation is released and its actual cost counted.</summary>
    public void Settle(decimal? reserved, decimal? actual)
    {
        lock (_gate)
        {
            _reserved = Math.Max(0, _reserved - (reserved ?? 0));
            _spent += actual ?? 0;
        }
        Ticket.RecordCall(actual);
    }
}
