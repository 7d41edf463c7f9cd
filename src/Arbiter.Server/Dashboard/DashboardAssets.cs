using System.Reflection;
using System.IO.Hashing;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Dashboard;

/// <summary>
/// GET /dashboard and its files, served from resources embedded in this assembly (read on the first request for one,
/// so a gateway nobody opens the dashboard of keeps none of it in memory). The page holds no
/// data: it asks /admin/kpis with the admin key the person enters. The content security policy allows nothing
/// from elsewhere, so the page cannot load a script from a CDN even by mistake.
/// </summary>
internal sealed class DashboardAssets
{
    private const string Prefix = "dashboard/";
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
    private readonly Lazy<Dictionary<string, (byte[] Body, string ContentType, string ETag)>> _files = new(Load);

    private static Dictionary<string, (byte[] Body, string ContentType, string ETag)> Load()
    {
        var files = new Dictionary<string, (byte[] Body, string ContentType, string ETag)>(StringComparer.Ordinal);
        var assembly = typeof(DashboardAssets).Assembly;
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var body = copy.ToArray();
            // An ETag only has to change with the content: a fast non-cryptographic hash is enough.
            files[name[Prefix.Length..]] = (body, ContentTypeOf(name), $"\"{Convert.ToHexStringLower(XxHash128.Hash(body))[..16]}\"");
        }
        return files;
    }

    public IEnumerable<string> Files => _files.Value.Keys;

    public Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        var file = path.Length <= "/dashboard/".Length ? "index.html" : path["/dashboard/".Length..];
        if (path == "/dashboard")
        {
            // Relative URLs in the page resolve against /dashboard/.
            ctx.Response.Redirect("/dashboard/");
            return Task.CompletedTask;
        }
        if (!_files.Value.TryGetValue(file, out var asset))
        {
            ctx.Response.StatusCode = 404;
            return Task.CompletedTask;
        }
        var headers = ctx.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (ctx.Request.Headers.IfNoneMatch == asset.ETag)
        {
            ctx.Response.StatusCode = 304;
            return Task.CompletedTask;
        }
        ctx.Response.ContentType = asset.ContentType;
        ctx.Response.ContentLength = asset.Body.Length;
        return ctx.Response.Body.WriteAsync(asset.Body).AsTask();
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".md" or ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
