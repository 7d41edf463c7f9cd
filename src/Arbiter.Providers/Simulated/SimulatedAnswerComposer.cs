using System.Text;
using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;

namespace Arbiter.Providers.Simulated;

/// <summary>
/// Writes the simulator's answers: plain prose, a tool call when tools are offered and the turn calls for one,
/// or JSON when JSON was asked for. The words come from a generator seeded by the prompt, so one request
/// always gets the same answer.
/// </summary>
internal static class SimulatedAnswerComposer
{
    private static readonly string[] Words =
    [
        "the", "model", "answer", "request", "routing", "gateway", "quality", "latency", "cost", "token",
        "simulated", "provider", "tier", "response", "budget", "result", "data", "system", "user", "value",
        "is", "a", "of", "to", "and", "for", "with", "that", "this", "on", "clear", "fast", "cheap", "strong",
    ];

    /// <param name="closed">Seeded by the prompt alone: closed choices (enums, booleans) every model answers alike.</param>
    public static SimulatedAnswer Compose(ChatRequest request, string model, SimulationConfig sim, Random random, Random? closed = null)
    {
        var inputTokens = EstimateInputTokens(request);
        var toolCall = ChooseToolCall(request, random);
        if (toolCall is not null)
            return new SimulatedAnswer(null, toolCall, FinishReason.ToolCalls,
                new TokenUsage { InputTokens = inputTokens, OutputTokens = Math.Max(1, toolCall.Arguments.Length / 4) + 8 });

        var target = (int)Math.Max(1, Math.Round(sim.OutputTokens * (1 + sim.Jitter * (2 * random.NextDouble() - 1))));
        var limit = request.MaxOutputTokens ?? int.MaxValue;
        var truncated = target > limit;
        var count = Math.Min(target, limit);
        string text = request.ResponseFormat?.Kind switch
        {
            ResponseFormatKind.JsonObject => JsonSerializer.Serialize(new Dictionary<string, string> { ["answer"] = Prose(model, count, random) }),
            ResponseFormatKind.JsonSchema when request.ResponseFormat.Schema is JsonElement schema => SchemaInstance.Create(schema, random, Words, closed),
            _ => Prose(model, count, random),
        };
        var isJson = request.ResponseFormat?.Kind is ResponseFormatKind.JsonObject or ResponseFormatKind.JsonSchema;
        return new SimulatedAnswer(text, null, truncated && !isJson ? FinishReason.Length : FinishReason.Stop,
            new TokenUsage { InputTokens = inputTokens, OutputTokens = isJson ? Math.Max(1, text.Length / 4) : count });
    }

    /// <summary>About four characters a token, plus a few tokens of framing per message: close to real tokenizers on English.</summary>
    public static long EstimateInputTokens(ChatRequest request)
    {
        long chars = 0;
        foreach (var m in request.Messages) chars += m.AllText().Length + (m.ToolCalls?.Sum(c => c.Arguments.Length + c.Name.Length) ?? 0);
        return chars / 4 + 4L * request.Messages.Count + 3;
    }

    private static ToolCall? ChooseToolCall(ChatRequest request, Random random)
    {
        if (request.Tools is not { Count: > 0 } tools || request.ToolChoice?.Mode == ToolChoiceMode.None) return null;
        // Answer in prose once a tool result is back, as a real model does; call a tool on a fresh user turn.
        if (request.Messages[^1].Role == ChatRole.Tool && request.ToolChoice?.Mode is not (ToolChoiceMode.Required or ToolChoiceMode.Function)) return null;
        var tool = request.ToolChoice?.Mode == ToolChoiceMode.Function
            ? tools.FirstOrDefault(t => t.Name == request.ToolChoice.FunctionName) ?? tools[0]
            : tools[0];
        var args = tool.Parameters is JsonElement schema ? SchemaInstance.Create(schema, random, Words) : "{}";
        return new ToolCall("call_sim_" + random.Next(100000, 999999), tool.Name, args);
    }

    private static string Prose(string model, int tokens, Random random)
    {
        var sb = new StringBuilder($"[simulated {model}]");
        for (var i = 1; i < tokens; i++)
        {
            sb.Append(' ').Append(Words[random.Next(Words.Length)]);
            if (i % 12 == 11) sb.Append('.');
        }
        return sb.Append('.').ToString();
    }
}
