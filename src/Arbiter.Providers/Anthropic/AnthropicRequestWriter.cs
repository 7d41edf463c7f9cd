using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;

namespace Arbiter.Providers.Anthropic;

/// <summary>
/// Writes a canonical request as the body of Anthropic's <c>POST /v1/messages</c>. Fields Anthropic has no
/// equivalent for (n, seed, penalties, OpenAI metadata) and unmodelled extra fields, which are OpenAI-specific,
/// are not sent.
/// </summary>
internal static class AnthropicRequestWriter
{
    public static void Write(Utf8JsonWriter w, ChatRequest request, string upstreamModel, bool stream)
    {
        w.WriteStartObject();
        w.WriteString("model", upstreamModel);
        w.WriteNumber("max_tokens", request.MaxOutputTokens ?? ConfigDefaults.AnthropicDefaultMaxTokens);
        if (AnthropicSystemPrompt.Build(request) is { } system) w.WriteString("system", system);
        AnthropicMessageWriter.WriteMessages(w, request.Messages);
        if (request.Tools is { Count: > 0 } tools)
        {
            WriteTools(w, tools);
            WriteToolChoice(w, request.ToolChoice, request.ParallelToolCalls);
        }
        if (request.Temperature is { } temperature) w.WriteNumber("temperature", temperature);
        if (request.TopP is { } topP) w.WriteNumber("top_p", topP);
        if (request.Stop is { Count: > 0 } stop)
        {
            w.WriteStartArray("stop_sequences");
            foreach (var s in stop) w.WriteStringValue(s);
            w.WriteEndArray();
        }
        if (!string.IsNullOrEmpty(request.User))
        {
            w.WriteStartObject("metadata");
            w.WriteString("user_id", request.User);
            w.WriteEndObject();
        }
        if (stream) w.WriteBoolean("stream", true);
        w.WriteEndObject();
    }

    private static void WriteTools(Utf8JsonWriter w, IReadOnlyList<ToolDefinition> tools)
    {
        w.WriteStartArray("tools");
        foreach (var tool in tools)
        {
            w.WriteStartObject();
            w.WriteString("name", tool.Name);
            if (tool.Description is not null) w.WriteString("description", tool.Description);
            w.WritePropertyName("input_schema");
            if (tool.Parameters is { ValueKind: JsonValueKind.Object } schema) schema.WriteTo(w);
            else
            {
                w.WriteStartObject();
                w.WriteString("type", "object");
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// auto, any (OpenAI's required), tool {name} or none. parallel_tool_calls=false becomes
    /// disable_parallel_tool_use, which needs a tool_choice to ride on (auto when the client set none).
    /// </summary>
    private static void WriteToolChoice(Utf8JsonWriter w, ToolChoice? choice, bool? parallelToolCalls)
    {
        if (choice is null && parallelToolCalls != false) return;
        var mode = choice?.Mode ?? ToolChoiceMode.Auto;
        w.WriteStartObject("tool_choice");
        switch (mode)
        {
            case ToolChoiceMode.None:
                w.WriteString("type", "none");
                break;
            case ToolChoiceMode.Required:
                w.WriteString("type", "any");
                break;
            case ToolChoiceMode.Function:
                w.WriteString("type", "tool");
                w.WriteString("name", choice!.FunctionName ?? "");
                break;
            default:
                w.WriteString("type", "auto");
                break;
        }
        if (parallelToolCalls == false && mode != ToolChoiceMode.None) w.WriteBoolean("disable_parallel_tool_use", true);
        w.WriteEndObject();
    }
}
