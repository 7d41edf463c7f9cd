using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Http;

/// <summary>
/// Which requests are chat completions: POST <c>/v1/chat/completions</c>, or <c>/chat/completions</c> for clients
/// configured with a base URL lacking <c>/v1</c> (either case, one trailing slash allowed, as endpoint routing
/// matches). They go to the chat endpoint ahead of endpoint routing: the route table's fallback
/// (<c>{*path:nonfile}</c>, see <see cref="UnknownRoutes"/>) is a candidate for every path, so routing captured it as
/// a route value and checked its constraint on every chat request, only to pick the literal route
/// (docs/performance.md). Any other method on these paths still reaches the fallback, which answers 405.
/// </summary>
internal static class ChatRoute
{
    public const string Path = "/v1/chat/completions";
    public const string ShortPath = "/chat/completions";

    public static bool Matches(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value is { } path && (Is(path, Path) || Is(path, ShortPath));

    private static bool Is(string path, string route) =>
        path.StartsWith(route, StringComparison.OrdinalIgnoreCase)
        && (path.Length == route.Length || (path.Length == route.Length + 1 && path[^1] == '/'));
}
