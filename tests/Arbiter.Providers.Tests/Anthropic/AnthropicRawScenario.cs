using Arbiter.Providers.Tests.Conformance;

namespace Arbiter.Providers.Tests.Anthropic;

/// <summary>
/// An answer the fake sends byte for byte (after checking the request), for wire details the canonical
/// scenarios cannot express: thinking blocks, several tool calls, in-band error events, streams cut short.
/// </summary>
public sealed record AnthropicRawScenario(int Status, string ContentType, string Body) : FakeScenario
{
    public static AnthropicRawScenario Json(string body) => new(200, "application/json", body);

    /// <summary>An SSE body from (event name, JSON data) pairs.</summary>
    public static AnthropicRawScenario Sse(params (string Event, string Data)[] events) =>
        new(200, "text/event-stream", string.Concat(events.Select(e => $"event: {e.Event}\ndata: {e.Data}\n\n")));
}
