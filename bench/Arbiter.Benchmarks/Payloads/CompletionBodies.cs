using System.Text;

namespace Arbiter.Benchmarks.Payloads;

/// <summary>Upstream chat.completion answers.</summary>
public static class CompletionBodies
{
    /// <summary>The shape ../shared/bench/fake-upstream.js returns (JSON.stringify order and spacing).</summary>
    public const string Bench =
        """{"id":"chatcmpl-fake1","object":"chat.completion","created":1763900000,"model":"gpt-4o-mini","system_fingerprint":"fp_fake","choices":[{"index":0,"message":{"role":"assistant","content":"Hello from the fake upstream! This is a benchmark reply.","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":46,"completion_tokens":12,"total_tokens":58}}""";

    /// <summary>An answer to <see cref="RequestBodies.Large"/>: a paragraph of text and a tool call, usage with cache and reasoning details.</summary>
    public const string Large =
        """{"id":"chatcmpl-AbX91kq3ZtR7vPn2","object":"chat.completion","created":1763900123,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"Good news on the switch: I'm checking the green Alpine 2-person tent now. About the refund: if the 2-person tent is cheaper, we refund the difference to your original payment method within 5 working days of the change, since your tent was not bought on sale. I'll confirm the exact amount as soon as I have the current price for Norway.","refusal":null,"tool_calls":[{"id":"call_Q7nV3mZp","type":"function","function":{"name":"check_stock","arguments":"{\"sku\":\"TENT-ALP-2\",\"color\":\"green\",\"country\":\"NO\"}"}}],"annotations":[]},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":1184,"completion_tokens":103,"total_tokens":1287,"prompt_tokens_details":{"cached_tokens":1024,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_0ba0d124f1"}""";

    public static byte[] Of(BodyKind kind) => Encoding.UTF8.GetBytes(kind == BodyKind.Bench ? Bench : Large);
}
