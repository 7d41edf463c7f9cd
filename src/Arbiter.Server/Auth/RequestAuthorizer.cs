using Arbiter.Core.Errors;
using Arbiter.Core.Keys;
using Arbiter.Core.Models;
using Arbiter.Core.Routing;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Auth;

/// <summary>
/// The per-request checks of a virtual key: that it is one (401), and that the model or route asked for is in its and
/// its team's allowed lists (403). A route's candidates outside the allowed models are dropped from the plan.
/// </summary>
internal static class RequestAuthorizer
{
    public static ArbiterError? Authenticate(HttpContext ctx, GatewayAccess access, out VirtualKey? key, out Team? team)
    {
        key = null;
        team = null;
        if (!access.AuthEnabled) return null;
        var token = BearerToken.From(ctx.Request);
        if (token.IsEmpty)
            return new ArbiterError(ErrorKind.Unauthorized, "Missing API key: send a virtual key as 'Authorization: Bearer <key>'. Keys are issued through the admin API.");
        if (!access.Ring.TryAuthenticate(token, out var found, out team))
            return new ArbiterError(ErrorKind.Unauthorized, "Invalid API key: it is not a key this gateway issued, or it was revoked or rotated.");
        key = found;
        return null;
    }

    /// <summary>The plan the key may use; throws 403 when nothing of it is allowed.</summary>
    public static RoutePlan Authorize(RoutePlan plan, string requested, VirtualKey? key, Team? team)
    {
        if (key is null) return plan;
        var isRoute = plan.Candidates.Count != 1 || plan.Candidates[0].Name != requested;
        if (isRoute && (!Allows(key.Limits.AllowedRoutes, requested) || !Allows(team?.Limits.AllowedRoutes, requested)))
            throw Forbidden($"This key may not use the route '{requested}'.", key, team);
        var models = key.Limits.AllowedModels;
        var teamModels = team?.Limits.AllowedModels;
        if (models is null && teamModels is null) return plan;
        List<ModelEntry>? allowed = null;
        for (var i = 0; i < plan.Candidates.Count; i++)
        {
            var c = plan.Candidates[i];
            if (Allows(models, c.Name) && Allows(teamModels, c.Name)) (allowed ??= []).Add(c);
        }
        if (allowed is null) throw Forbidden($"This key may not use the model '{requested}'.", key, team);
        return allowed.Count == plan.Candidates.Count ? plan : plan with { Candidates = allowed };
    }

    private static bool Allows(IReadOnlyList<string>? list, string name)
    {
        if (list is null) return true;
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i], name, StringComparison.Ordinal)) return true;
        return false;
    }

    private static ArbiterException Forbidden(string message, VirtualKey key, Team? team) =>
        new ArbiterError(ErrorKind.Forbidden, $"{message} Allowed for key '{key.Name}'{(team is null ? "" : $" and team '{team.Name}'")}: models {List(key.Limits.AllowedModels, team?.Limits.AllowedModels)}, routes {List(key.Limits.AllowedRoutes, team?.Limits.AllowedRoutes)}.")
        { Param = "model", Code = "model_not_allowed" }.ToException();

    private static string List(IReadOnlyList<string>? own, IReadOnlyList<string>? team) =>
        (own, team) switch
        {
            (null, null) => "any",
            (not null, null) => string.Join(", ", own),
            (null, not null) => string.Join(", ", team),
            _ => string.Join(", ", own!.Intersect(team!, StringComparer.Ordinal)),
        };
}
