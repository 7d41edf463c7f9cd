using System.Text;

namespace Arbiter.Server.Tests;

/// <summary>Reads a response body as it streams, for tests whose upstream must know when the client has seen a part of it.</summary>
public static class StreamedBody
{
    /// <summary>Reads to the end; once the body holds <paramref name="text"/>, calls <paramref name="seen"/> (again on each later read).</summary>
    public static async Task<string> ReadToEndAsync(HttpResponseMessage response, string text, Action seen)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        var body = new StringBuilder();
        var buffer = new byte[4096];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            body.Append(chars, 0, decoder.GetChars(buffer, 0, read, chars, 0));
            if (body.ToString().Contains(text, StringComparison.Ordinal)) seen();
        }
        return body.ToString();
    }
}
