using System.Text;

namespace Arbiter.Benchmarks.Payloads;

/// <summary>One SSE <c>data:</c> payload of an upstream stream (without the <c>data: </c> prefix).</summary>
public static class ChunkBodies
{
    /// <summary>A content chunk as ../shared/bench/fake-upstream.js writes it.</summary>
    public const string Bench =
        """{"id":"chatcmpl-fake1","object":"chat.completion.chunk","created":1763900000,"model":"gpt-4o-mini","system_fingerprint":"fp_fake","choices":[{"index":0,"delta":{"content":" fake"},"logprobs":null,"finish_reason":null}]}""";

    /// <summary>The first piece of a streamed tool call (id, name, start of the arguments), OpenAI's shape.</summary>
    public const string Large =
        """{"id":"chatcmpl-AbX91kq3ZtR7vPn2","object":"chat.completion.chunk","created":1763900123,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_0ba0d124f1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_Q7nV3mZp","type":"function","function":{"name":"check_stock","arguments":"{\"sku\":\"TENT-ALP-2\",\"color\":\"green\",\"country\":\"NO\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}""";

    public static byte[] Of(BodyKind kind) => Encoding.UTF8.GetBytes(kind == BodyKind.Bench ? Bench : Large);
}
