using System.Buffers;
using System.Text;
using System.Text.Json;
using Arbiter.Core.OpenAIFormat;

namespace Arbiter.Core.Tests.Fakes;

/// <summary>Small JSON helpers: parse a literal (single quotes allowed for brevity), write with Arbiter's options.</summary>
internal static class Json
{
    public static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    /// <summary>Parses JSON written with single quotes (so theory data stays readable); the text must hold no apostrophes.</summary>
    public static JsonElement Quoted(string json) => Parse(json.Replace('\'', '"'));

    /// <summary>As <see cref="Quoted"/>, as the UTF-8 bytes a reader of raw JSON takes.</summary>
    public static byte[] QuotedUtf8(string json) => Encoding.UTF8.GetBytes(json.Replace('\'', '"'));

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options)) write(w);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes, then parses the result: fails the test if the output is not valid JSON.</summary>
    public static JsonElement WriteAndParse(Action<Utf8JsonWriter> write) => Parse(Write(write));
}
