using System.Text.Json;
using Arbiter.Core.JsonReading;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Gemini;

/// <summary>
/// Reads a complete GenerateContentResponse. A refused prompt throws ContentFiltered; a body without candidates
/// for no stated reason throws <see cref="InvalidDataException"/>, which the adapter reports as an upstream error.
/// </summary>
internal static class GeminiResponseReader
{
    public static ChatResponse Read(JsonElement root, string provider, string fallbackModel, long created)
    {
        root = GeminiJson.Unwrap(root);
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException("the answer is not a JSON object");
        GeminiAnswerChecks.ThrowIfPromptBlocked(root, provider);
        if (!LenientJson.TryGetArray(root, "candidates", out var candidates) || candidates.GetArrayLength() == 0)
            throw new InvalidDataException("the answer has no candidates");

        var choices = new List<ChatChoice>(candidates.GetArrayLength());
        var position = 0;
        foreach (var candidate in candidates.EnumerateArray())
        {
            var index = GeminiCandidateReader.IndexOf(candidate, position++);
            var (text, calls) = GeminiCandidateReader.Read(candidate);
            if (calls is not null)
            {
                for (var i = 0; i < calls.Count; i++)
                    calls[i] = calls[i] with { Id = GeminiCandidateReader.IdFor(calls[i].Id, index, i) };
            }
            var finish = GeminiFinishReasons.Map(LenientJson.Str(candidate, "finishReason"), calls is not null);
            var message = new ChatMessage
            {
                Role = ChatRole.Assistant,
                Text = text ?? (calls is null ? "" : null),
                ToolCalls = calls,
            };
            choices.Add(new ChatChoice(index, message, finish));
        }

        return new ChatResponse
        {
            Id = LenientJson.Str(root, "responseId") ?? NewId(),
            Created = created,
            Model = LenientJson.Str(root, "modelVersion") ?? fallbackModel,
            Choices = choices,
            Usage = root.TryGetProperty("usageMetadata", out var usage) ? GeminiUsage.Read(usage) : null,
        };
    }

    /// <summary>An id for an answer Gemini gave none.</summary>
    public static string NewId() => "gemini-" + Guid.NewGuid().ToString("N");
}
