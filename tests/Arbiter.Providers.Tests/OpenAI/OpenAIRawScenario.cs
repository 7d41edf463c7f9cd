using Arbiter.Providers.Tests.Conformance;

namespace Arbiter.Providers.Tests.OpenAI;

/// <summary>
/// A body the fake writes verbatim, for wire details the canonical scenarios cannot express (in-band error chunks).
/// For a streaming request with status 200 it is SSE text (<c>data: {...}\n\n</c> events) and the stream ends after it.
/// Sent chunked, or with a Content-Length when <paramref name="WithContentLength"/> is set.
/// </summary>
public sealed record OpenAIRawScenario(string Body, int Status = 200, bool WithContentLength = false) : FakeScenario
{
    /// <summary>An SSE body from JSON data lines, each its own event.</summary>
    public static OpenAIRawScenario Sse(params string[] data) => new(string.Concat(data.Select(d => $"data: {d}\n\n")));
}
