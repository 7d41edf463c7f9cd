namespace Arbiter.Core.Chat;

/// <summary>Why generation stopped, in OpenAI's vocabulary; every adapter maps its provider's reasons here.</summary>
public enum FinishReason
{
    Stop,
    Length,
    ToolCalls,
    ContentFilter,
}
