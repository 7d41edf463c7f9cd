using Arbiter.Providers.Tests.Conformance;

namespace Arbiter.Providers.Tests.Gemini;

/// <summary>
/// A body written verbatim, for wire details the canonical scenarios cannot express. For a streaming request with
/// status 200 it is SSE text (<c>data: {...}\n\n</c> events) and the stream ends cleanly after it.
/// </summary>
public sealed record GeminiRawScenario(string Body, int Status = 200) : FakeScenario;
