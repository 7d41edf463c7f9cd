using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>How a particular OpenAI-compatible upstream wants the request written.</summary>
public sealed record OpenAIRequestWriteOptions
{
    /// <summary>Write <c>model</c> in the body (Azure takes the deployment from the URL instead).</summary>
    public bool IncludeModel { get; init; } = true;
    /// <summary><c>max_completion_tokens</c> (OpenAI today) or <c>max_tokens</c> (most compatible servers).</summary>
    public string MaxTokensField { get; init; } = "max_tokens";
    /// <summary>Ask for a final usage chunk on every stream, so usage is always known (the client's own choice
    /// decides only whether it sees that chunk).</summary>
    public bool RequestStreamUsage { get; init; } = true;
}

/// <summary>Writes a <see cref="ChatRequest"/> as an OpenAI chat completions body, extra fields passed through.</summary>
public static class OpenAIRequestWriter
{
    public static void Write(Utf8JsonWriter w, ChatRequest r, string upstreamModel, OpenAIRequestWriteOptions options)
    {
        w.WriteStartObject();
        if (options.IncludeModel) w.WriteString("model", upstreamModel);
        w.WriteStartArray("messages");
        for (var i = 0; i < r.Messages.Count; i++) OpenAIMessageWriter.Write(w, r.Messages[i]);
        w.WriteEndArray();
        if (r.Stream)
        {
            w.WriteBoolean("stream", true);
            if (options.RequestStreamUsage || r.StreamIncludeUsage)
            {
                w.WriteStartObject("stream_options");
                w.WriteBoolean("include_usage", true);
                w.WriteEndObject();
            }
        }
        if (r.Tools is { Count: > 0 }) WriteTools(w, r.Tools);
        if (r.ToolChoice is not null) WriteToolChoice(w, r.ToolChoice);
        if (r.ParallelToolCalls is bool ptc) w.WriteBoolean("parallel_tool_calls", ptc);
        if (r.ResponseFormat is not null) WriteResponseFormat(w, r.ResponseFormat);
        if (r.Temperature is double t) w.WriteNumber("temperature", t);
        if (r.TopP is double tp) w.WriteNumber("top_p", tp);
        if (r.MaxOutputTokens is int mt) w.WriteNumber(options.MaxTokensField, mt);
        if (r.Stop is { Count: > 0 })
        {
            w.WriteStartArray("stop");
            for (var i = 0; i < r.Stop.Count; i++) w.WriteStringValue(r.Stop[i]);
            w.WriteEndArray();
        }
        if (r.N is int n) w.WriteNumber("n", n);
        if (r.Seed is long seed) w.WriteNumber("seed", seed);
        if (r.PresencePenalty is double pp) w.WriteNumber("presence_penalty", pp);
        if (r.FrequencyPenalty is double fp) w.WriteNumber("frequency_penalty", fp);
        if (r.User is not null) w.WriteString("user", r.User);
        if (r.Metadata is not null)
        {
            w.WriteStartObject("metadata");
            foreach (var (k, v) in r.Metadata) w.WriteString(k, v);
            w.WriteEndObject();
        }
        if (r.ExtraFields is not null)
        {
            foreach (var (name, value) in r.ExtraFields)
            {
                w.WritePropertyName(name);
                value.WriteTo(w);
            }
        }
        w.WriteEndObject();
    }

    private static void WriteTools(Utf8JsonWriter w, IReadOnlyList<ToolDefinition> tools)
    {
        w.WriteStartArray("tools");
        for (var tIndex = 0; tIndex < tools.Count; tIndex++)
        {
            var t = tools[tIndex];
            w.WriteStartObject();
            w.WriteString("type", "function");
            w.WriteStartObject("function");
            w.WriteString("name", t.Name);
            if (t.Description is not null) w.WriteString("description", t.Description);
            if (t.Parameters is JsonElement ps)
            {
                w.WritePropertyName("parameters");
                ps.WriteTo(w);
            }
            if (t.Strict is bool strict) w.WriteBoolean("strict", strict);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteToolChoice(Utf8JsonWriter w, ToolChoice c)
    {
        switch (c.Mode)
        {
            case ToolChoiceMode.Function:
                w.WriteStartObject("tool_choice");
                w.WriteString("type", "function");
                w.WriteStartObject("function");
                w.WriteString("name", c.FunctionName);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            default:
                w.WriteString("tool_choice", c.Mode switch { ToolChoiceMode.None => "none", ToolChoiceMode.Required => "required", _ => "auto" });
                break;
        }
    }

    private static void WriteResponseFormat(Utf8JsonWriter w, ResponseFormat f)
    {
        w.WriteStartObject("response_format");
        switch (f.Kind)
        {
            case ResponseFormatKind.Text: w.WriteString("type", "text"); break;
            case ResponseFormatKind.JsonObject: w.WriteString("type", "json_object"); break;
            default:
                w.WriteString("type", "json_schema");
                w.WriteStartObject("json_schema");
                w.WriteString("name", f.SchemaName);
                if (f.Schema is JsonElement s)
                {
                    w.WritePropertyName("schema");
                    s.WriteTo(w);
                }
                if (f.Strict is bool strict) w.WriteBoolean("strict", strict);
                w.WriteEndObject();
                break;
        }
        w.WriteEndObject();
    }
}
