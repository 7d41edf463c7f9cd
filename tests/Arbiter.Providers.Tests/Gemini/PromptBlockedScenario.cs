using Arbiter.Providers.Tests.Conformance;

namespace Arbiter.Providers.Tests.Gemini;

/// <summary>Gemini refuses the prompt itself: no candidates, <c>promptFeedback.blockReason</c> set.</summary>
public sealed record PromptBlockedScenario(string BlockReason) : FakeScenario;
