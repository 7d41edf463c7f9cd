using System.Text;
using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>
/// Reads an OpenAI chat completions request body into a <see cref="ChatRequest"/>. Every type or value error
/// is a 400 naming the field (<c>messages[2].content</c>). Unknown top-level fields are kept for pass-through.
/// </summary>
public static class OpenAIRequestReader
{
    public static ChatRequest Read(JsonElement root)
    {
        JsonRead.RequireKind(root, JsonValueKind.Object, "body");
        string? model = null;
        IReadOnlyList<ChatMessage>? messages = null;
        var r = new Builder();
        List<KeyValuePair<string, JsonElement>>? extras = null;

        foreach (var p in root.EnumerateObject())
        {
            var v = p.Value;
            var name = KnownName(p);
            switch (name)
            {
                case "model": model = JsonRead.String(v, "model"); break;
                case "messages": messages = ReadMessages(v); break;
                case "stream": r.Stream = v.ValueKind != JsonValueKind.Null && JsonRead.Bool(v, "stream"); break;
                case "stream_options": r.IncludeUsage = ReadStreamOptions(v); break;
                case "tools": r.Tools = ReadTools(v); break;
                case "tool_choice": r.ToolChoice = ReadToolChoice(v); break;
                case "parallel_tool_calls": r.ParallelToolCalls = v.ValueKind == JsonValueKind.Null ? null : JsonRead.Bool(v, name); break;
                case "response_format": r.ResponseFormat = ReadResponseFormat(v); break;
                case "temperature": r.Temperature = JsonRead.OptionalNumber(v, name, 0, 2); break;
                case "top_p": r.TopP = JsonRead.OptionalNumber(v, name, 0, 1); break;
                // max_completion_tokens is OpenAI's newer name: it wins over max_tokens whatever the order.
                case "max_tokens": r.MaxTokens = JsonRead.OptionalInt32(v, name, 1); break;
                case "max_completion_tokens": r.MaxCompletionTokens = JsonRead.OptionalInt32(v, name, 1); break;
                case "stop": r.Stop = ReadStop(v); break;
                case "n": r.N = JsonRead.OptionalInt32(v, name, 1); break;
                case "seed": r.Seed = JsonRead.OptionalInteger(v, name, long.MinValue); break;
                case "presence_penalty": r.PresencePenalty = JsonRead.OptionalNumber(v, name, -2, 2); break;
                case "frequency_penalty": r.FrequencyPenalty = JsonRead.OptionalNumber(v, name, -2, 2); break;
                case "user": r.User = JsonRead.OptionalString(v, name); break;
                case "metadata": r.Metadata = ReadMetadata(v); break;
                default: (extras ??= []).Add(new(p.Name, v.Clone())); break;
            }
        }

        if (string.IsNullOrEmpty(model)) throw JsonRead.Invalid("model", "required: name the model or route to use");
        if (messages is null) throw JsonRead.Invalid("messages", "required: give at least one message");
        if (messages.Count == 0) throw JsonRead.Invalid("messages", "must contain at least one message");
        if (r.IncludeUsage && !r.Stream) throw JsonRead.Invalid("stream_options", "only allowed when stream is true");

        return new ChatRequest
        {
            Model = model,
            Messages = messages,
            Stream = r.Stream,
            StreamIncludeUsage = r.IncludeUsage,
            Tools = r.Tools,
            ToolChoice = r.ToolChoice,
            ParallelToolCalls = r.ParallelToolCalls,
            ResponseFormat = r.ResponseFormat,
            Temperature = r.Temperature,
            TopP = r.TopP,
            MaxOutputTokens = r.MaxCompletionTokens ?? r.MaxTokens,
            Stop = r.Stop,
            N = r.N,
            Seed = r.Seed,
            PresencePenalty = r.PresencePenalty,
            FrequencyPenalty = r.FrequencyPenalty,
            User = r.User,
            Metadata = r.Metadata,
            ExtraFields = extras,
        };
    }

    // The fields read above, matched by their UTF-8 names in place: a body's field names cost no string each (JsonProperty.Name
    // makes one per call); only an unknown field, kept for pass-through, has its name made. Most frequent first.
    private static readonly (byte[] Utf8, string Name)[] KnownFields =
    [
        .. new[]
        {
            "model", "messages", "stream", "max_tokens", "max_completion_tokens", "temperature", "top_p", "stream_options", "tools",
            "tool_choice", "parallel_tool_calls", "response_format", "stop", "n", "seed", "presence_penalty", "frequency_penalty",
            "user", "metadata",
        }.Select(name => (Encoding.UTF8.GetBytes(name), name)),
    ];

    private static string? KnownName(JsonProperty p)
    {
        foreach (var (utf8, name) in KnownFields)
            if (p.NameEquals(utf8)) return name;
        return null;
    }

    private sealed class Builder
    {
        public bool Stream, IncludeUsage;
        public IReadOnlyList<ToolDefinition>? Tools;
        public ToolChoice? ToolChoice;
        public bool? ParallelToolCalls;
        public ResponseFormat? ResponseFormat;
        public double? Temperature, TopP, PresencePenalty, FrequencyPenalty;
        public int? MaxTokens, MaxCompletionTokens, N;
        public IReadOnlyList<string>? Stop;
        public long? Seed;
        public string? User;
        public IReadOnlyDictionary<string, string>? Metadata;
    }

    private static bool ReadStreamOptions(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return false;
        JsonRead.RequireKind(v, JsonValueKind.Object, "stream_options");
        return v.TryGetProperty("include_usage", out var u) && u.ValueKind != JsonValueKind.Null
            && JsonRead.Bool(u, "stream_options.include_usage");
    }

    private static IReadOnlyList<ChatMessage> ReadMessages(JsonElement v)
    {
        JsonRead.RequireKind(v, JsonValueKind.Array, "messages");
        var list = new List<ChatMessage>(v.GetArrayLength());
        var i = 0;
        foreach (var m in v.EnumerateArray()) list.Add(OpenAIMessageReader.Read(m, MessagePath(i++)));
        return list;
    }

    // "messages[i]" for the first messages, made once: a path is passed to every message but read only for an error.
    private static readonly string[] MessagePaths = [.. Enumerable.Range(0, 64).Select(i => $"messages[{i}]")];

    private static string MessagePath(int i) => i < MessagePaths.Length ? MessagePaths[i] : $"messages[{i}]";

    private static IReadOnlyList<ToolDefinition>? ReadTools(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return null;
        JsonRead.RequireKind(v, JsonValueKind.Array, "tools");
        var list = new List<ToolDefinition>(v.GetArrayLength());
        var i = 0;
        foreach (var t in v.EnumerateArray())
        {
            var param = $"tools[{i++}]";
            JsonRead.RequireKind(t, JsonValueKind.Object, param);
            if (t.TryGetProperty("type", out var type) && JsonRead.String(type, param + ".type") != "function")
                throw JsonRead.Invalid(param + ".type", "only 'function' tools are supported");
            if (!t.TryGetProperty("function", out var f)) throw JsonRead.Invalid(param + ".function", "required");
            JsonRead.RequireKind(f, JsonValueKind.Object, param + ".function");
            if (!f.TryGetProperty("name", out var name)) throw JsonRead.Invalid(param + ".function.name", "required");
            var nameText = JsonRead.String(name, param + ".function.name");
            if (nameText.Length == 0) throw JsonRead.Invalid(param + ".function.name", "must not be empty");
            JsonElement? parameters = null;
            if (f.TryGetProperty("parameters", out var ps) && ps.ValueKind != JsonValueKind.Null)
            {
                JsonRead.RequireKind(ps, JsonValueKind.Object, param + ".function.parameters");
                parameters = ps.Clone();
            }
            list.Add(new ToolDefinition
            {
                Name = nameText,
                Description = f.TryGetProperty("description", out var d) ? JsonRead.OptionalString(d, param + ".function.description") : null,
                Parameters = parameters,
                Strict = f.TryGetProperty("strict", out var s) && s.ValueKind != JsonValueKind.Null ? JsonRead.Bool(s, param + ".function.strict") : null,
            });
        }
        return list;
    }

    private static ToolChoice? ReadToolChoice(JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.String:
                return v.GetString() switch
                {
                    "auto" => ToolChoice.Auto,
                    "none" => ToolChoice.None,
                    "required" => ToolChoice.Required,
                    var other => throw JsonRead.Invalid("tool_choice", $"expected auto, none, required or a function, got '{other}'"),
                };
            case JsonValueKind.Object:
                if (v.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object
                    && f.TryGetProperty("name", out var n))
                    return new ToolChoice(ToolChoiceMode.Function, JsonRead.String(n, "tool_choice.function.name"));
                throw JsonRead.Invalid("tool_choice.function.name", "required when tool_choice is an object");
            default:
                throw JsonRead.Invalid("tool_choice", $"expected a string or an object, got {JsonRead.Describe(v)}");
        }
    }

    private static ResponseFormat? ReadResponseFormat(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return null;
        JsonRead.RequireKind(v, JsonValueKind.Object, "response_format");
        if (!v.TryGetProperty("type", out var t)) throw JsonRead.Invalid("response_format.type", "required");
        switch (JsonRead.String(t, "response_format.type"))
        {
            case "text": return new ResponseFormat { Kind = ResponseFormatKind.Text };
            case "json_object": return new ResponseFormat { Kind = ResponseFormatKind.JsonObject };
            case "json_schema":
                if (!v.TryGetProperty("json_schema", out var js)) throw JsonRead.Invalid("response_format.json_schema", "required when type is json_schema");
                JsonRead.RequireKind(js, JsonValueKind.Object, "response_format.json_schema");
                if (!js.TryGetProperty("name", out var name)) throw JsonRead.Invalid("response_format.json_schema.name", "required");
                JsonElement? schema = null;
                if (js.TryGetProperty("schema", out var s) && s.ValueKind != JsonValueKind.Null)
                {
                    JsonRead.RequireKind(s, JsonValueKind.Object, "response_format.json_schema.schema");
                    schema = s.Clone();
                }
                return new ResponseFormat
                {
                    Kind = ResponseFormatKind.JsonSchema,
                    SchemaName = JsonRead.String(name, "response_format.json_schema.name"),
                    Schema = schema,
                    Strict = js.TryGetProperty("strict", out var st) && st.ValueKind != JsonValueKind.Null ? JsonRead.Bool(st, "response_format.json_schema.strict") : null,
                };
            case var other:
                throw JsonRead.Invalid("response_format.type", $"expected text, json_object or json_schema, got '{other}'");
        }
    }

    private static IReadOnlyList<string>? ReadStop(JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.String: return [v.GetString()!];
            case JsonValueKind.Array:
                var list = new List<string>();
                var i = 0;
                foreach (var s in v.EnumerateArray()) list.Add(JsonRead.String(s, $"stop[{i++}]"));
                if (list.Count > 4) throw JsonRead.Invalid("stop", "at most 4 stop sequences");
                return list;
            default: throw JsonRead.Invalid("stop", $"expected a string or an array of strings, got {JsonRead.Describe(v)}");
        }
    }

    private static IReadOnlyDictionary<string, string>? ReadMetadata(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return null;
        JsonRead.RequireKind(v, JsonValueKind.Object, "metadata");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in v.EnumerateObject()) map[p.Name] = JsonRead.String(p.Value, "metadata." + p.Name);
        return map;
    }
}
