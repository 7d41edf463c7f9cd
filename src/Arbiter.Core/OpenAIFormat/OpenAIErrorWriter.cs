using System.Text.Json;
using Arbiter.Core.Errors;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>Writes <c>{"error": {"message", "type", "param", "code"}}</c>, OpenAI's error shape.</summary>
public static class OpenAIErrorWriter
{
    public static void Write(Utf8JsonWriter w, ArbiterError e)
    {
        w.WriteStartObject();
        w.WritePropertyName("error");
        WriteBody(w, e);
        w.WriteEndObject();
    }

    /// <summary>The inner object alone (also used as the payload of a streamed error event).</summary>
    public static void WriteBody(Utf8JsonWriter w, ArbiterError e)
    {
        w.WriteStartObject();
        w.WriteString("message", e.Message);
        w.WriteString("type", ErrorCatalog.TypeOf(e.Kind));
        if (e.Param is not null) w.WriteString("param", e.Param); else w.WriteNull("param");
        var code = e.Code ?? ErrorCatalog.DefaultCodeOf(e.Kind);
        if (code is not null) w.WriteString("code", code); else w.WriteNull("code");
        if (e.Provider is not null) w.WriteString("provider", e.Provider);
        w.WriteEndObject();
    }
}
