using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Gemini;

/// <summary>Writes an image as a Gemini part: a <c>data:</c> URI inline (inlineData), any other URL by reference (fileData).</summary>
internal static class GeminiMediaParts
{
    private const string DefaultImageType = "image/jpeg";

    public static void WriteImage(Utf8JsonWriter w, ImagePart image)
    {
        w.WriteStartObject();
        if (image.TryGetInlineData(out var mediaType, out var base64))
        {
            w.WriteStartObject("inlineData");
            w.WriteString("mimeType", mediaType.Length > 0 ? mediaType : DefaultImageType);
            w.WriteString("data", base64);
        }
        else
        {
            w.WriteStartObject("fileData");
            w.WriteString("mimeType", GuessMediaType(image.Url));
            w.WriteString("fileUri", image.Url);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The media type a URL's extension suggests; JPEG when it suggests none.</summary>
    public static string GuessMediaType(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Split('?', '#')[0];
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".heic" => "image/heic",
            ".heif" => "image/heif",
            ".pdf" => "application/pdf",
            _ => DefaultImageType,
        };
    }
}
