using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Models;

namespace Arbiter.Core.Cascade;

/// <summary>What a gate judges: the request, the stage's answer, the model that gave it, and the route's settings.</summary>
public sealed record GateInput(ChatRequest Request, ChatResponse Response, ModelEntry Model, RouteConfig Route)
{
    /// <summary>The first choice's message text ("" when none).</summary>
    public string Text => Response.Choices.Count == 0 ? "" : Response.Choices[0].Message.AllText();
}
