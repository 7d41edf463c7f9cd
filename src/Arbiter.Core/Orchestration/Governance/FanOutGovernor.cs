using System.Collections.Concurrent;
using System.Globalization;

namespace Arbiter.Core.Orchestration.Governance;

/// <summary>
/// The per-request cost cap (on the <see cref="FanOutBudget"/>) and a per-key count of extra calls in the current
/// minute (fixed windows: cheap, and at most twice the rate across a window edge). Keys are counted separately, so
/// no request waits on another key's lock.
/// </summary>
public sealed class FanOutGovernor(TimeProvider time, int? maxExtraCallsPerMinute) : IFanOutGovernor
{
    private const string Anonymous = "";
    private readonly ConcurrentDictionary<string, MinuteCount> _perKey = new(StringComparer.Ordinal);

    public string? TryStartExtraCall(FanOutBudget budget, decimal? estimatedCostUsd)
    {
        if (!budget.TryReserve(estimatedCostUsd, out var committed))
            return estimatedCostUsd is null
                ? "the call's model has no price and this request has a cost cap"
                : string.Create(CultureInfo.InvariantCulture,
                    $"the call (up to ${estimatedCostUsd:0.######}) would take the request past its cost cap of ${budget.MaxCostUsd} (committed ${committed:0.######})");
        if (maxExtraCallsPerMinute is int limit
            && !_perKey.GetOrAdd(budget.KeyId ?? Anonymous, static _ => new MinuteCount()).TryTake(limit, time.GetUtcNow()))
        {
            budget.Settle(estimatedCostUsd, 0);
            return string.Create(CultureInfo.InvariantCulture, $"the key's cap of {limit} extra calls per minute is reached");
        }
        return null;
    }

    private sealed class MinuteCount
    {
        private readonly Lock _gate = new();
        private long _minute;
        private int _count;

        public bool TryTake(int limit, DateTimeOffset now)
        {
            var minute = now.ToUnixTimeSeconds() / 60;
            lock (_gate)
            {
                if (minute != _minute) (_minute, _count) = (minute, 0);
                if (_count >= limit) return false;
                _count++;
                return true;
            }
        }
    }
}
