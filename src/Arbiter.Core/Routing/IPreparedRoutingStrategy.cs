using Arbiter.Core.Config;

namespace Arbiter.Core.Routing;

/// <summary>A strategy with work to do once per route at start-up (compiling rules), so no request pays for it.</summary>
public interface IPreparedRoutingStrategy
{
    void Prepare(string routeName, RouteConfig route);
}
