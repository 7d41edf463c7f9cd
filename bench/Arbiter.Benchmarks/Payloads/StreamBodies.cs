using System.Text;

namespace Arbiter.Benchmarks.Payloads;

/// <summary>Whole upstream SSE streams (chunks, usage chunk, [DONE]), as an upstream asked for usage sends them.</summary>
public static class StreamBodies
{
    private static readonly string[] BenchWords = ["Hello", " from", " the", " fake", " upstream"];

    public static byte[] Of(BodyKind kind)
    {
        // Bench: fake-upstream.js's default stream (role chunk, 5 words, finish, usage). Large: the large answer's
        // text word by word (46 chunks), then its tool call in two pieces.
        var sb = new StringBuilder();
        if (kind == BodyKind.Bench)
        {
            const string head = """{"id":"chatcmpl-fake1","object":"chat.completion.chunk","created":1763900000,"model":"gpt-4o-mini","system_fingerprint":"fp_fake","choices":""";
            Event(sb, head + """[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}""");
            foreach (var w in BenchWords) Event(sb, head + $$"""[{"index":0,"delta":{"content":"{{w}}"},"logprobs":null,"finish_reason":null}]}""");
            Event(sb, head + """[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}""");
            Event(sb, """{"id":"chatcmpl-fake1","object":"chat.completion.chunk","created":1763900000,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":46,"completion_tokens":5,"total_tokens":51}}""");
        }
        else
        {
            const string head = """{"id":"chatcmpl-AbX91kq3ZtR7vPn2","object":"chat.completion.chunk","created":1763900123,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_0ba0d124f1","choices":""";
            Event(sb, head + """[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}""");
            const string text = "Good news on the switch: I'm checking the green Alpine 2-person tent now. About the refund: if the 2-person tent is cheaper, we refund the difference to your original payment method within 5 working days of the change, since your tent was not bought on sale.";
            foreach (var w in text.Split(' ')) Event(sb, head + $$"""[{"index":0,"delta":{"content":" {{w}}"},"logprobs":null,"finish_reason":null}],"usage":null}""");
            Event(sb, head + """[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_Q7nV3mZp","type":"function","function":{"name":"check_stock","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}""");
            Event(sb, head + """[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"sku\":\"TENT-ALP-2\",\"color\":\"green\",\"country\":\"NO\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}""");
            Event(sb, head + """[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}""");
            Event(sb, head + """[],"usage":{"prompt_tokens":1184,"completion_tokens":103,"total_tokens":1287,"prompt_tokens_details":{"cached_tokens":1024,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}""");
        }
        sb.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Event(StringBuilder sb, string json) => sb.Append("data: ").Append(json).Append("\n\n");
}
