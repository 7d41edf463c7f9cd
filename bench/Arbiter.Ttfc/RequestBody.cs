using System.Text;
using System.Text.Json.Nodes;

namespace Arbiter.Ttfc;

/// <summary>The streaming request body sent to every target.</summary>
public static class RequestBody
{
    /// <summary>../shared/bench/peer-overhead.sh's body, with <c>"stream": true</c>.</summary>
    public const string Bench =
        """{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"Say hello in one short sentence."}],"max_tokens":32,"temperature":0,"stream":true}""";

    public static byte[] Load(string? file)
    {
        if (file is null) return Encoding.UTF8.GetBytes(Bench);
        var json = JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? throw new ArgumentException($"--body: {file} is not a JSON object");
        json["stream"] = true;
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }
}
