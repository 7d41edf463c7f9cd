using System.Text.Json;

namespace Arbiter.Core.Chat;

/// <summary>One piece of a multi-part message content.</summary>
public abstract record ContentPart;

/// <summary>Plain text.</summary>
public sealed record TextPart(string Text) : ContentPart;

/// <summary>An image given as an https URL or a <c>data:</c> URI (base64); <paramref name="Detail"/> is OpenAI's low/high/auto.</summary>
public sealed record ImagePart(string Url, string? Detail = null) : ContentPart
{
    /// <summary>Splits a <c>data:image/png;base64,...</c> URI; false for a plain URL.</summary>
    public bool TryGetInlineData(out string mediaType, out string base64)
    {
        mediaType = base64 = "";
        if (!Url.StartsWith("data:", StringComparison.Ordinal)) return false;
        var comma = Url.IndexOf(',');
        var semicolon = Url.IndexOf(";base64", StringComparison.Ordinal);
        if (comma < 0 || semicolon < 0 || semicolon > comma) return false;
        mediaType = Url[5..semicolon];
        base64 = Url[(comma + 1)..];
        return true;
    }
}

/// <summary>A part Arbiter does not model (audio, file ...): passed through verbatim to OpenAI-compatible upstreams.</summary>
public sealed record RawPart(string Type, JsonElement Json) : ContentPart;
