using System.Text.Encodings.Web;
using System.Text.Json;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>
/// Writer options for everything Arbiter writes: minimal escaping (JSON-correct; HTML-safety is not needed
/// for API bodies, and it keeps messages readable and non-ASCII text cheap), validation off on the hot path.
/// </summary>
public static class JsonWriting
{
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };
}
