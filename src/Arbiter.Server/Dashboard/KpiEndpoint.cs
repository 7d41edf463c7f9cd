using System.Text.Json;
using Arbiter.Core.Errors;
using Arbiter.Core.Kpis;
using Arbiter.Server.Auth;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Dashboard;

/// <summary>
/// GET /admin/kpis: the window's KPIs as JSON (<see cref="KpiReport"/>, snake_case). Behind the master key when auth is
/// configured (auth.master_key); open otherwise, like the gateway itself, which listens on 127.0.0.1 only.
/// </summary>
internal sealed class KpiEndpoint(KpiService kpis, GatewayAccess access)
{
    public async Task HandleAsync(HttpContext ctx)
    {
        if (access.AuthEnabled && MasterKey.Check(ctx, access) is { } denied)
        {
            await ErrorResponses.WriteAsync(ctx, denied);
            return;
        }
        KpiReport report;
        try
        {
            var query = KpiQuery.Parse(ctx.Request.Query, kpis.Time.GetUtcNow());
            report = await kpis.ReportAsync(query.Window, query.Buckets, query.Recent, ctx.RequestAborted);
        }
        catch (ArbiterException ex)
        {
            await ErrorResponses.WriteAsync(ctx, ex.Error);
            return;
        }
        catch (NotSupportedException ex)
        {
            await ErrorResponses.WriteAsync(ctx, new ArbiterError(ErrorKind.Internal, ex.Message));
            return;
        }
        ctx.Response.ContentType = "application/json";
        ctx.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(ctx.Response.Body, report, KpiJsonContext.Default.KpiReport, ctx.RequestAborted);
    }
}
