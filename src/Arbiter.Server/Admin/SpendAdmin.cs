using System.Globalization;
using Arbiter.Core.Accounting;
using Arbiter.Core.Budgets;
using Arbiter.Core.Errors;
using Arbiter.Server.Auth;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Admin;

/// <summary>
/// GET /admin/spend?by=key|team|model|route|day&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd: spend from the request log (to is
/// exclusive; default: this UTC month to date). Unpriced requests are counted apart, never as $0.
/// </summary>
internal static class SpendAdmin
{
    public static async Task GetAsync(HttpContext ctx, GatewayAccess access)
    {
        if (access.Storage.Spend is not { } spend)
            throw new ArbiterError(ErrorKind.NotFound, "Spend reports need a database: set storage.type to sqlite or postgres (it is memory).") { Code = "no_storage" }.ToException();
        var query = ctx.Request.Query;
        var by = query["by"].ToString();
        if (string.IsNullOrEmpty(by)) by = "key";
        if (!Enum.TryParse<SpendGrouping>(by, ignoreCase: true, out var grouping) || int.TryParse(by, out _))
            throw AdminJson.Bad($"'by' must be one of key, team, model, route, day; got '{by}'.", "by");
        var now = access.Time.GetUtcNow();
        var from = Date(query["from"].ToString(), "from") ?? BudgetPeriods.MonthStart(now);
        var to = Date(query["to"].ToString(), "to") ?? BudgetPeriods.NextDay(now);
        if (to <= from) throw AdminJson.Bad("'to' must be after 'from' (to is exclusive).", "to");
        var rows = await spend.SpendAsync(grouping, from, to, ctx.RequestAborted);
        await AdminResponses.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "spend");
            w.WriteString("by", grouping.ToString().ToLowerInvariant());
            w.WriteString("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            decimal total = 0;
            long unpriced = 0;
            w.WriteStartArray("data");
            foreach (var r in rows)
            {
                total += r.CostUsd;
                unpriced += r.UnpricedRequests;
                w.WriteStartObject();
                if (r.Group is null) w.WriteNull("group"); else w.WriteString("group", r.Group);
                w.WriteNumber("requests", r.Requests);
                w.WriteNumber("cost_usd", r.CostUsd);
                w.WriteNumber("unpriced_requests", r.UnpricedRequests);
                w.WriteNumber("input_tokens", r.InputTokens);
                w.WriteNumber("output_tokens", r.OutputTokens);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("total_cost_usd", total);
            w.WriteNumber("total_unpriced_requests", unpriced);
            w.WriteEndObject();
        });
    }

    private static DateTimeOffset? Date(string text, string name)
    {
        if (string.IsNullOrEmpty(text)) return null;
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw AdminJson.Bad($"'{name}' must be a date, yyyy-MM-dd; got '{text}'.", name);
    }
}
