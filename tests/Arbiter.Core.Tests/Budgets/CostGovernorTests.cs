using Arbiter.Core.Budgets;
using Arbiter.Core.Config;
using Arbiter.Core.Keys;

namespace Arbiter.Core.Tests.Budgets;

public sealed class CostGovernorTests
{
    [Fact]
    public void TryStartExtraCall_WithinRequestCap_AllowedUntilSpentPlusEstimateExceedsIt()
    {
        var f = new LedgerFixture(new AccountingConfig { MaxRequestCostUsd = 10m });
        var governor = new CostGovernor(f.Time);
        var ticket = f.Admit(LedgerFixture.Key(KeyLimits.None));
        ticket.RecordCall(4m);

        Assert.Null(governor.TryStartExtraCall(ticket, 5m));
        ticket.RecordCall(5m);
        var refused = governor.TryStartExtraCall(ticket, 2m);

        Assert.Equal(Refusal.RequestCostCap, refused!.Code);
        Assert.Contains("cost cap of $10", refused.Message);
    }

    [Fact]
    public void TryStartExtraCall_UnpricedUnderACap_Refused()
    {
        var f = new LedgerFixture(new AccountingConfig { MaxRequestCostUsd = 1m });
        var ticket = f.Admission.Admit(f.Request with { MaxOutputTokens = 1 }, [f.Model with { Price = new PriceConfig { Input = 0m, Output = 0m } }], null, null);

        Assert.NotNull(new CostGovernor(f.Time).TryStartExtraCall(ticket, null));
    }

    [Fact]
    public void TryStartExtraCall_PerMinuteCap_RefusesThenAllowsAfterTheWindow()
    {
        var f = new LedgerFixture();
        var governor = new CostGovernor(f.Time);
        var ticket = f.Admit(LedgerFixture.Key(new KeyLimits { MaxExtraCallsPerMinute = 2 }));

        Assert.Null(governor.TryStartExtraCall(ticket, 0m));
        Assert.Null(governor.TryStartExtraCall(ticket, 0m));
        Assert.Equal(Refusal.RateLimitExceeded, governor.TryStartExtraCall(ticket, 0m)!.Code);
        f.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(governor.TryStartExtraCall(ticket, 0m));
    }

    [Fact]
    public void TryStartExtraCall_Budget_ReservesTheExtraEstimateAndRefusesPastIt()
    {
        var f = new LedgerFixture();
        var governor = new CostGovernor(f.Time);
        var key = LedgerFixture.Key(new KeyLimits { DailyBudgetUsd = 5m });
        var ticket = f.Admit(key);

        Assert.Null(governor.TryStartExtraCall(ticket, 2m));
        Assert.Equal(4m, ticket.ReservedUsd);
        Assert.Equal(Refusal.BudgetExceeded, governor.TryStartExtraCall(ticket, 2m)!.Code);

        ticket.Settle(3m, null);
        Assert.Equal((3m, 3m, 0m), f.Ledger.ForKey(key).Snapshot(f.Time.GetUtcNow()));
    }
}
