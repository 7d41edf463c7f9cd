using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Core.Orchestration.Workers;

/// <summary>The orchestrator's three requests (plan, check, compose) and the worker's, with their JSON formats.</summary>
public static class OrchestratorPrompts
{
    public static ChatRequest Plan(ChatRequest original, int maxSubtasks, IReadOnlyList<string> tiers) => new()
    {
        Model = "orchestrator",
        Messages =
        [
            ChatMessage.System($"You are an orchestrator. Split the request into at most {maxSubtasks} independent sub-tasks that cheaper worker models can do, each with the least capable tier that can do it well (tiers from weakest to strongest: {string.Join(", ", tiers)}). Reply only with JSON: {{\"subtasks\": [{{\"id\": string, \"task\": string, \"tier\": string}}]}}."),
            ChatMessage.User(Prompts.Question(original)),
        ],
        ResponseFormat = Prompts.Schema("plan",
            """{"type":"object","properties":{"subtasks":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"},"task":{"type":"string"},"tier":{"type":"string","enum":"""
            + JsonSerializer.Serialize(tiers)
            + """}},"required":["id","task","tier"],"additionalProperties":false}}},"required":["subtasks"],"additionalProperties":false}"""),
        Temperature = 0,
    };

    public static ChatRequest Work(ChatRequest original, Subtask subtask, string? feedback) => new()
    {
        Model = "worker",
        Messages =
        [
            ChatMessage.System("You are a worker. Do only the sub-task you are given, completely and precisely; the overall request is context."),
            ChatMessage.User($"Overall request:\n{Prompts.Question(original)}\n\nYour sub-task ({subtask.Id}): {subtask.Task}" + (feedback is null ? "" : $"\n\nYour previous result was sent back: {feedback}")),
        ],
    };

    public static ChatRequest Check(ChatRequest original, Subtask subtask, string result) => new()
    {
        Model = "orchestrator",
        Messages =
        [
            ChatMessage.System("You check a worker's result before it is used. accept: correct and complete; retry: the same worker should try again; escalate: a stronger model is needed. Reply only with JSON: {\"verdict\": \"accept\"|\"retry\"|\"escalate\", \"reason\": string}."),
            ChatMessage.User($"Overall request:\n{Prompts.Question(original)}\n\nSub-task ({subtask.Id}): {subtask.Task}\n\nWorker's result:\n{Prompts.Cut(result, 6000)}"),
        ],
        ResponseFormat = Prompts.Schema("verdict", """{"type":"object","properties":{"verdict":{"type":"string","enum":["accept","retry","escalate"]},"reason":{"type":"string"}},"required":["verdict","reason"],"additionalProperties":false}"""),
        Temperature = 0,
        MaxOutputTokens = 200,
    };

    /// <param name="notDone">Sub-tasks no result was accepted for (on_incomplete: disclose): named, never their results.</param>
    public static ChatRequest Compose(ChatRequest original, IReadOnlyList<(Subtask Subtask, string Result)> results, IReadOnlyList<Delegation>? notDone = null) => new()
    {
        Model = "orchestrator",
        Messages =
        [
            ChatMessage.System("You are an orchestrator. Compose the final answer to the request from your workers' checked results, in the form the request asks for. Do not mention the workers."
                + (notDone is { Count: > 0 } ? " Some sub-tasks could not be done to your standard: say plainly in the answer which parts are missing, and do not present them as done or make them up." : "")),
            ChatMessage.User($"Request:\n{Prompts.Question(original)}\n\nResults:\n" + string.Join("\n\n", results.Select(r => $"[{r.Subtask.Id}] {r.Subtask.Task}\n{Prompts.Cut(r.Result, 4000)}"))
                + (notDone is { Count: > 0 } ? "\n\nNot done (no result passed your check):\n" + NotDone(notDone) : "")),
        ],
        ResponseFormat = original.ResponseFormat,
        MaxOutputTokens = original.MaxOutputTokens,
    };

    /// <summary>One line per sub-task that is not done: its id and task.</summary>
    public static string NotDone(IReadOnlyList<Delegation> notDone) =>
        string.Join("\n", notDone.Select(d => $"[{d.Subtask.Id}] {d.Subtask.Task}"));

    /// <summary>The plan's sub-tasks (at most <paramref name="max"/>, unknown tiers replaced by the weakest); null when the answer is no plan.</summary>
    public static List<Subtask>? ReadPlan(string text, int max, IReadOnlyList<string> tiers)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (!doc.RootElement.TryGetProperty("subtasks", out var list) || list.ValueKind != JsonValueKind.Array) return null;
            var plan = new List<Subtask>();
            foreach (var s in list.EnumerateArray())
            {
                if (plan.Count == max) break;
                var task = s.TryGetProperty("task", out var t) ? t.GetString() : null;
                if (string.IsNullOrWhiteSpace(task)) continue;
                var tier = s.TryGetProperty("tier", out var tr) && tr.GetString() is { } named && tiers.Contains(named) ? named : tiers.FirstOrDefault() ?? "";
                var id = s.TryGetProperty("id", out var i) && i.GetString() is { Length: > 0 } given ? given : "t" + (plan.Count + 1);
                plan.Add(new Subtask(plan.Any(p => p.Id == id) ? $"{id}-{plan.Count + 1}" : id, task, tier));
            }
            return plan.Count == 0 ? null : plan;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public static (string Verdict, string Reason)? ReadVerdict(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var v = doc.RootElement.TryGetProperty("verdict", out var e) ? e.GetString() : null;
            if (v is not (Verdicts.Accept or Verdicts.Retry or Verdicts.Escalate)) return null;
            return (v, doc.RootElement.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
