using System.Text.Json;
using Arbiter.Core.JsonReading;
using Arbiter.Core.Errors;
using Arbiter.Providers.Http;

namespace Arbiter.Providers.Gemini;

/// <summary>Answers that carry no candidates for a reason: an in-band error object, or a prompt Gemini refused.</summary>
internal static class GeminiAnswerChecks
{
    /// <summary>
    /// Throws when a stream event is an <c>{"error": {...}}</c> object, mapped by its <c>status</c>
    /// (RESOURCE_EXHAUSTED is a rate limit, UNAVAILABLE an upstream error, ...).
    /// </summary>
    public static void ThrowIfError(JsonElement root, string provider, IReadOnlyList<string> secrets)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error)) return;
        var message = LenientJson.Str(error, "message") ?? error.ToString();
        throw UpstreamErrors.FromStreamError(provider, LenientJson.Str(error, "status"), message, secrets);
    }

    /// <summary>
    /// Throws <see cref="ErrorKind.ContentFiltered"/> when <c>promptFeedback.blockReason</c> is set and no candidate
    /// came back: Gemini refused the prompt itself, so no answer exists.
    /// </summary>
    public static void ThrowIfPromptBlocked(JsonElement root, string provider)
    {
        if (!LenientJson.TryGetObject(root, "promptFeedback", out var feedback)) return;
        var reason = LenientJson.Str(feedback, "blockReason");
        if (string.IsNullOrEmpty(reason) || reason == "BLOCK_REASON_UNSPECIFIED") return;
        if (LenientJson.TryGetArray(root, "candidates", out var candidates) && candidates.GetArrayLength() > 0) return;
        throw new ArbiterError(ErrorKind.ContentFiltered,
            $"provider '{provider}' refused the prompt under its content policy (blockReason {reason})")
        {
            Provider = provider,
        }.ToException();
    }
}
