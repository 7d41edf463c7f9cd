using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Models;

namespace Arbiter.Core.Routing;

/// <summary>
/// The router's decision: the models to try, in order (the first, then fallbacks; or the stages of a cascade), and
/// why, in words a person can read in the x-arbiter-decision header and the request record.
/// </summary>
public sealed record RoutePlan(string Route, IReadOnlyList<ModelEntry> Candidates, string Reason)
{
    public RouteMode Mode { get; init; } = RouteMode.Single;
    /// <summary>For a cascade: the route whose gates, judge and cost cap apply.</summary>
    public RouteConfig? Settings { get; init; }
    /// <summary>A model to mirror this request to, off the request path; its answer is recorded, never returned.</summary>
    public ModelEntry? Shadow { get; init; }
    /// <summary>The request to send upstream when it differs from the client's (personal data redacted).</summary>
    public ChatRequest? Request { get; init; }
    /// <summary>The kinds of personal data or secrets found in the prompt, when the route looks for them.</summary>
    public IReadOnlyList<string>? PrivacyFindings { get; init; }
}
