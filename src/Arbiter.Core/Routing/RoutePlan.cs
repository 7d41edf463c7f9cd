using Arbiter.Core.Models;

namespace Arbiter.Core.Routing;

/// <summary>
/// The router's decision: the models to try, in order (the first, then fallbacks), and why, in words a person
/// can read in the x-arbiter-decision header and the request record.
/// </summary>
public sealed record RoutePlan(string Route, IReadOnlyList<ModelEntry> Candidates, string Reason);
