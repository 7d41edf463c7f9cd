using Arbiter.Core.Budgets;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Keys;

namespace Arbiter.Core.Tests.Budgets;

public sealed class AdmissionControlTests
{
    [Fact]
    public void Admit_WithinDailyBudget_ReservesTheEstimate()
    {
        var f = new LedgerFixture();
        var key = LedgerFixture.Key(new KeyLimits { DailyBudgetUsd = 5m });

        var ticket = f.Admit(key);

        Assert.Equal(2m, ticket.ReservedUsd);
        Assert.Equal((0m, 0m, 2m), f.Ledger.ForKey(key).Snapshot(f.Time.GetUtcNow()));
    }

    [Fact]
    public void Admit_ReservationsInFlight_RefuseTheRequestThatWouldCrossTheBudget()
    {
        var f = new LedgerFixture();
        var key = LedgerFixture.Key(new KeyLimits { DailyBudgetUsd = 5m });
        f.Admit(key);
        f.Admit(key);

        var ex = Assert.Throws<ArbiterException>(() => f.Admit(key));

        Assert.Equal(ErrorKind.RateLimited, ex.Error.Kind);
        Assert.Equal(Refusal.BudgetExceeded, ex.Error.Code);
        Assert.Contains("daily budget of $5", ex.Error.Message);
        Assert.Equal(TimeSpan.FromHours(1), ex.Error.RetryAfter);
    }

    [Fact]
    public void Settle_CheaperThanEstimate_FreesTheRestForTheNextRequest()
    {
        var f = new LedgerFixture();
        var key = LedgerFixture.Key(new KeyLimits { DailyBudgetUsd = 5m });
        var a = f.Admit(key);
        var b = f.Admit(key);

        a.Settle(0.5m, new TokenUsage { InputTokens = 10 });
        a.Settle(100m, null); // a second settle changes nothing
        f.Admit(key);

        Assert.Equal((0.5m, 0.5m, 4m), f.Ledger.ForKey(key).Snapshot(f.Time.GetUtcNow()));
        b.Settle(null, null);
        Assert.Equal((0.5m, 0.5m, 2m), f.Ledger.ForKey(key).Snapshot(f.Time.GetUtcNow()));
    }

    [Fact]
    public void Admit_NextDay_DailySpendResetsMonthlyStays_NextMonthBothReset()
    {
        var f = new LedgerFixture();
        var key = LedgerFixture.Key(new KeyLimits { DailyBudgetUsd = 3m, MonthlyBudgetUsd = 100m });
        f.Admit(key).Settle(2.5m, null);
        Assert.Throws<ArbiterException>(() => f.Admit(key));

        f.Time.Advance(TimeSpan.FromHours(2)); // 2026-12-01 01:00, a new day and a new month
        f.Admit(key).Settle(1m, null);

        Assert.Equal((1m, 1m, 0m), f.Ledger.ForKey(key).Snapshot(f.Time.GetUtcNow()));
    }

    [Fact]
    public void Admit_TeamBudgetRefuses_KeyReservationIsUndone()
    {
        var f = new LedgerFixture();
        var key = LedgerFixture.Key(new KeyLimits { DailyBudgetUsd = 100m, Rpm = 10 }, team: "red");
        var team = new Team { Name = "red", Limits = new KeyLimits { DailyBudgetUsd = 1m }, CreatedAt = DateTimeOffset.UnixEpoch };

        var ex = Assert.Throws<ArbiterException>(() => f.Admit(key, team));

        Assert.Contains("team 'red'", ex.Error.Message);
        Assert.Equal((0m, 0m, 0m), f.Ledger.ForKey(key).Snapshot(f.Time.GetUtcNow()));
    }

    [Fact]
    public void Admit_ConcurrentRequests_NeverReserveBeyondTheBudget()
    {
        var f = new LedgerFixture();
        var key = LedgerFixture.Key(new KeyLimits { MonthlyBudgetUsd = 21m });
        var admitted = 0;

        Parallel.For(0, 200, _ =>
        {
            try
            {
                f.Admit(key);
                Interlocked.Increment(ref admitted);
            }
            catch (ArbiterException) { }
        });

        Assert.Equal(10, admitted);
        Assert.Equal(20m, f.Ledger.ForKey(key).Snapshot(f.Time.GetUtcNow()).Reserved);
    }

    [Fact]
    public void Admit_Tpm_CountsEstimatedTokensAndCorrectsToReportedUsage()
    {
        var f = new LedgerFixture();
        var key = LedgerFixture.Key(new KeyLimits { Tpm = 2_500_000 });
        var first = f.Admit(key);
        f.Admit(key);
        Assert.Throws<ArbiterException>(() => f.Admit(key));

        first.Settle(0m, new TokenUsage { InputTokens = 100, OutputTokens = 0 }); // used far fewer than estimated

        f.Admit(key);
    }

    [Fact]
    public void Admit_NoKeyNoCaps_IsUnlimitedAndCountsNothing()
    {
        var f = new LedgerFixture();

        Assert.Same(AdmissionTicket.Unlimited, f.Admission.Admit(f.Request, [f.Model], null, null));
    }

    [Fact]
    public void Settle_ServedWithoutReportedUsage_ChargesTheReservation()
    {
        var f = new LedgerFixture();
        var key = LedgerFixture.Key(new KeyLimits { DailyBudgetUsd = 5m });

        f.Admit(key).Settle(null, null, servedWithoutUsage: true);
        f.Admit(key).Settle(null, null);

        Assert.Equal((2m, 2m, 0m), f.Ledger.ForKey(key).Snapshot(f.Time.GetUtcNow()));
    }
}
