namespace Arbiter.Core.Accounting;

/// <summary>The dimensions spend can be reported by (<c>GET /admin/spend?by=</c>).</summary>
public enum SpendGrouping
{
    Key,
    Team,
    /// <summary>The model that served (not the one asked for).</summary>
    Model,
    Route,
    /// <summary>UTC day, yyyy-MM-dd.</summary>
    Day,
}
