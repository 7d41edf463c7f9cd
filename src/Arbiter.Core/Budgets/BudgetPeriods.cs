namespace Arbiter.Core.Budgets;

/// <summary>UTC day and month numbers, the periods budgets reset on.</summary>
public static class BudgetPeriods
{
    public static int DayOf(DateTimeOffset t) => (int)(t.ToUnixTimeSeconds() / 86_400);

    public static int MonthOf(DateTimeOffset t)
    {
        var u = t.UtcDateTime;
        return u.Year * 12 + u.Month - 1;
    }

    public static DateTimeOffset MonthStart(DateTimeOffset t)
    {
        var u = t.UtcDateTime;
        return new DateTimeOffset(u.Year, u.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    public static DateTimeOffset NextDay(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds((DayOf(t) + 1) * 86_400L);

    public static DateTimeOffset NextMonth(DateTimeOffset t) => MonthStart(t).AddMonths(1);
}
