using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Arbiter.Server.Admin;

/// <summary>One log line per change made through the admin API: by key id and prefix, never the key.</summary>
internal static partial class AdminAudit
{
    public static void KeyChanged(HttpContext ctx, string action, string id, string prefix) =>
        LogKey(Logger(ctx), action, id, prefix);

    public static void TeamChanged(HttpContext ctx, string action, string name) => LogTeam(Logger(ctx), action, name);

    private static ILogger Logger(HttpContext ctx) =>
        ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Arbiter.Admin");

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin: virtual key {Id} ({Prefix}...) {Action}")]
    private static partial void LogKey(ILogger logger, string action, string id, string prefix);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin: team {Name} {Action}")]
    private static partial void LogTeam(ILogger logger, string action, string name);
}
