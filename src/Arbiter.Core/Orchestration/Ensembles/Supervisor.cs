using System.Globalization;
using Arbiter.Core.Chat;
using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>
/// The model that decides when the members disagree: it sees the question, every answer and where they differ, and
/// writes the final answer itself, in the form the client asked for (the client's response format is kept).
/// </summary>
public static class Supervisor
{
    public static ChatRequest Request(ChatRequest original, IReadOnlyList<ModelCall> answers, Disagreement disagreement) => new()
    {
        Model = "supervisor",
        Messages =
        [
            ChatMessage.System("You supervise a panel of models that answered the same request and disagree. Read the request, every answer and where they differ; decide what is right, and reply with the single final answer to the request, in the form the request asks for. Do not mention the panel."),
            ChatMessage.User(string.Create(CultureInfo.InvariantCulture,
                $"Request:\n{Prompts.Question(original)}\n\nAnswers:\n{Prompts.Answers(answers)}\n\nWhere they differ (disagreement {disagreement.Score:0.00}, compared as {disagreement.Method}):\n- {string.Join("\n- ", disagreement.Differences)}")),
        ],
        ResponseFormat = original.ResponseFormat,
        MaxOutputTokens = original.MaxOutputTokens,
        Temperature = 0,
    };
}
