namespace Arbiter.Core.Chat;

/// <summary>Who wrote a message. Developer is OpenAI's newer name for system instructions.</summary>
public enum ChatRole
{
    System,
    Developer,
    User,
    Assistant,
    Tool,
}
