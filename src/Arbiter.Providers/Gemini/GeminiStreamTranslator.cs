using System.Text.Json;
using Arbiter.Core.JsonReading;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Gemini;

/// <summary>
/// Turns the events of a <c>streamGenerateContent?alt=sse</c> stream, each a partial GenerateContentResponse,
/// into canonical chunks: text parts become content deltas, every function call (Gemini sends them whole) a
/// complete tool-call delta, and the usage of the last event that had any a final usage-only chunk.
/// One instance per stream; events must be fed in order.
/// </summary>
internal sealed class GeminiStreamTranslator(string provider, IReadOnlyList<string> secrets, string fallbackModel, long created)
{
    /// <summary>Per candidate index: whether its role was sent, how many calls it made, and whether it finished.</summary>
    private readonly Dictionary<int, (bool RoleSent, int Calls, bool Finished)> _candidates = [];
    private string? _id;
    private string? _model;
    private TokenUsage? _usage;

    /// <summary>Every candidate seen has reported a finish reason: the stream ended as it should.</summary>
    public bool IsComplete => _candidates.Count > 0 && _candidates.Values.All(c => c.Finished);

    /// <summary>The chunk an event adds, or null when it adds nothing (an empty event, or usage alone).</summary>
    public ChatStreamChunk? Translate(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return null;
        var reader = new Utf8JsonReader(data);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = GeminiJson.Unwrap(doc.RootElement);
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException("a stream event is not a JSON object");
        GeminiAnswerChecks.ThrowIfError(root, provider, secrets);
        GeminiAnswerChecks.ThrowIfPromptBlocked(root, provider);
        _id ??= LenientJson.Str(root, "responseId") ?? GeminiResponseReader.NewId();
        _model ??= LenientJson.Str(root, "modelVersion");
        if (root.TryGetProperty("usageMetadata", out var usage) && GeminiUsage.Read(usage) is { } u) _usage = u;

        List<StreamChoice>? choices = null;
        if (LenientJson.TryGetArray(root, "candidates", out var candidates))
        {
            var position = 0;
            foreach (var candidate in candidates.EnumerateArray())
            {
                if (TranslateCandidate(candidate, position++) is { } choice) (choices ??= []).Add(choice);
            }
        }
        return choices is null ? null : Chunk(choices, null);
    }

    /// <summary>The final usage-only chunk, when Gemini reported usage.</summary>
    public ChatStreamChunk? UsageChunk() => _usage is null ? null : Chunk([], _usage);

    private StreamChoice? TranslateCandidate(JsonElement candidate, int position)
    {
        var index = GeminiCandidateReader.IndexOf(candidate, position);
        var state = _candidates.GetValueOrDefault(index);
        var (text, calls) = GeminiCandidateReader.Read(candidate);
        List<ToolCallDelta>? deltas = null;
        if (calls is not null)
        {
            deltas = new List<ToolCallDelta>(calls.Count);
            foreach (var call in calls)
            {
                deltas.Add(new ToolCallDelta(state.Calls, GeminiCandidateReader.IdFor(call.Id, index, state.Calls), call.Name, call.Arguments));
                state.Calls++;
            }
        }
        var finish = GeminiFinishReasons.Map(LenientJson.Str(candidate, "finishReason"), state.Calls > 0);
        if (text is null && deltas is null && finish is null && state.RoleSent)
        {
            _candidates[index] = state;
            return null;
        }
        var delta = new StreamDelta { Role = state.RoleSent ? null : ChatRole.Assistant, Content = text, ToolCalls = deltas };
        state.RoleSent = true;
        state.Finished |= finish is not null;
        _candidates[index] = state;
        return new StreamChoice(index, delta, finish);
    }

    private ChatStreamChunk Chunk(IReadOnlyList<StreamChoice> choices, TokenUsage? usage) => new()
    {
        Id = _id ?? GeminiResponseReader.NewId(),
        Created = created,
        Model = _model ?? fallbackModel,
        Choices = choices,
        Usage = usage,
    };
}
