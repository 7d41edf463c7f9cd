using Arbiter.Core.Chat;

namespace Arbiter.Providers.Simulated;

/// <summary>What the simulator decided to answer, before it is timed and sent.</summary>
internal sealed record SimulatedAnswer(string? Text, ToolCall? Call, FinishReason Finish, TokenUsage Usage);
