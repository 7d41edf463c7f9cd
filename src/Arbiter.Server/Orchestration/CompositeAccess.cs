using Arbiter.Core.Errors;
using Arbiter.Core.Keys;
using Arbiter.Core.Routing;
using Arbiter.Server.Auth;

namespace Arbiter.Server.Orchestration;

/// <summary>
/// A virtual key's allowed lists applied to a composite request: its name (<c>ensemble:NAME</c>) counts as a route,
/// and every model it uses must be allowed (a member silently dropped would change what the ensemble means).
/// </summary>
internal static class CompositeAccess
{
    public static void Authorize(CompositeJob job, string requested, VirtualKey? key, Team? team)
    {
        if (key is null) return;
        var plan = new RoutePlan(requested, job.Models, "composite");
        var allowed = RequestAuthorizer.Authorize(plan, requested, key, team);
        if (allowed.Candidates.Count != job.Models.Count)
        {
            var missing = job.Models.First(m => !allowed.Candidates.Contains(m)).Name;
            throw new ArbiterError(ErrorKind.Forbidden, $"This key may not use the model '{missing}', which '{requested}' calls.")
            { Param = "model", Code = "model_not_allowed" }.ToException();
        }
    }
}
