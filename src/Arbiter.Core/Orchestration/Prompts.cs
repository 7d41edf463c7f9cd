using System.Text;
using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration;

/// <summary>Text shared by the prompts of judges, supervisors and orchestrators: the question, the answers, structured-output formats.</summary>
public static class Prompts
{
    private const int QuestionMaxChars = 8000;
    private const int AnswerMaxChars = 4000;

    /// <summary>The conversation as "role: text" lines (system and user turns included), cut to a bounded length.</summary>
    public static string Question(ChatRequest request)
    {
        var sb = new StringBuilder();
        foreach (var m in request.Messages)
        {
            var text = m.AllText();
            if (text.Length == 0) continue;
            sb.Append(m.Role.ToString().ToLowerInvariant()).Append(": ").Append(text).Append('\n');
        }
        return Cut(sb.ToString().TrimEnd(), QuestionMaxChars);
    }

    /// <summary>Each answer numbered from 1 with the model that gave it.</summary>
    public static string Answers(IReadOnlyList<ModelCall> answers)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < answers.Count; i++)
            sb.Append('[').Append(i + 1).Append("] ").Append(answers[i].Model?.Name ?? answers[i].Target).Append(":\n")
              .Append(Cut(answers[i].Text, AnswerMaxChars)).Append("\n\n");
        return sb.ToString().TrimEnd();
    }

    /// <summary>A response_format asking for JSON that follows <paramref name="schema"/>.</summary>
    public static ResponseFormat Schema(string name, string schema) => new()
    {
        Kind = ResponseFormatKind.JsonSchema,
        SchemaName = name,
        Schema = JsonDocument.Parse(schema).RootElement.Clone(),
        Strict = true,
    };

    public static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + " [...]";
}
