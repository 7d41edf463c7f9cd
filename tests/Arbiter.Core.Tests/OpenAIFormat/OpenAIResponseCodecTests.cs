using System.Text;
using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.OpenAIFormat;

public sealed class OpenAIResponseCodecTests
{
    private static readonly ChatResponse Answer = new()
    {
        Id = "chatcmpl-1",
        Created = 1_700_000_000,
        Model = "gpt-4o-2024-08-06",
        Choices =
        [
            new ChatChoice(0, ChatMessage.Assistant("Hello!"), FinishReason.Stop),
            new ChatChoice(1, new ChatMessage
            {
                Role = ChatRole.Assistant,
                ToolCalls = [new ToolCall("call_a", "lookup", """{"q":"x"}"""), new ToolCall("call_b", "lookup", """{"q":"y"}""")],
            }, FinishReason.ToolCalls),
        ],
        Usage = new TokenUsage { InputTokens = 1200, OutputTokens = 300, CachedInputTokens = 1024, ReasoningTokens = 128 },
        SystemFingerprint = "fp_1",
    };

    private static ChatResponse RoundTrip(ChatResponse r) =>
        OpenAIResponseReader.ReadCompletion(Encoding.UTF8.GetBytes(Json.Write(w => OpenAIResponseWriter.WriteCompletion(w, r))), "fallback");

    [Fact]
    public void WriteCompletion_ThenRead_RoundTripsTextToolCallsAndUsage()
    {
        var back = RoundTrip(Answer);

        Assert.Equal("chatcmpl-1", back.Id);
        Assert.Equal(1_700_000_000, back.Created);
        Assert.Equal("gpt-4o-2024-08-06", back.Model);
        Assert.Equal("fp_1", back.SystemFingerprint);
        Assert.Equal(2, back.Choices.Count);
        Assert.Equal("Hello!", back.Choices[0].Message.Text);
        Assert.Equal(FinishReason.Stop, back.Choices[0].FinishReason);
        Assert.Null(back.Choices[1].Message.Text);
        Assert.Equal(Answer.Choices[1].Message.ToolCalls, back.Choices[1].Message.ToolCalls!);
        Assert.Equal(FinishReason.ToolCalls, back.Choices[1].FinishReason);
        Assert.Equal(Answer.Usage, back.Usage);
    }

    [Fact]
    public void WriteCompletion_Usage_WritesOpenAIShape()
    {
        var body = Json.WriteAndParse(w => OpenAIResponseWriter.WriteCompletion(w, Answer));

        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        var u = body.GetProperty("usage");
        Assert.Equal(1200, u.GetProperty("prompt_tokens").GetInt64());
        Assert.Equal(300, u.GetProperty("completion_tokens").GetInt64());
        Assert.Equal(1500, u.GetProperty("total_tokens").GetInt64());
        Assert.Equal(1024, u.GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt64());
        Assert.Equal(128, u.GetProperty("completion_tokens_details").GetProperty("reasoning_tokens").GetInt64());
        Assert.False(body.TryGetProperty("arbiter", out _));
    }

    [Fact]
    public void WriteCompletion_ThenRead_RoundTripsCacheWriteTokens()
    {
        var back = RoundTrip(Answer with { Usage = new TokenUsage { InputTokens = 1000, OutputTokens = 10, CacheWriteTokens = 500 } });

        Assert.Equal(500, back.Usage!.CacheWriteTokens);
        Assert.Equal(0, back.Usage.CachedInputTokens);
    }

    [Fact]
    public void ReadCompletion_CacheWriteTokensInDetails_IsRead()
    {
        var r = OpenAIResponseReader.ReadCompletion(Json.QuotedUtf8(
            "{'id':'x','choices':[{'index':0,'message':{'role':'assistant','content':'ok'},'finish_reason':'stop'}]," +
            "'usage':{'prompt_tokens':1000,'completion_tokens':5,'prompt_tokens_details':{'cached_tokens':200,'cache_write_tokens':300}}}"), "m");

        Assert.Equal(200, r.Usage!.CachedInputTokens);
        Assert.Equal(300, r.Usage.CacheWriteTokens);
    }

    [Theory]
    [InlineData("{'prompt_tokens':1000,'completion_tokens':5,'prompt_cache_hit_tokens':600,'prompt_cache_miss_tokens':400}", 600)]
    [InlineData("{'prompt_tokens':1000,'completion_tokens':5,'prompt_tokens_details':{'cached_tokens':700},'prompt_cache_hit_tokens':600}", 700)]
    [InlineData("{'prompt_tokens':1000,'completion_tokens':5,'prompt_tokens_details':{'cached_tokens':0},'prompt_cache_hit_tokens':600}", 600)]
    [InlineData("{'prompt_tokens':1000,'completion_tokens':5}", 0)]
    public void ReadCompletion_CachedTokens_FromOpenAIOrDeepSeekFields(string usage, long expectedCached)
    {
        var r = OpenAIResponseReader.ReadCompletion(Json.QuotedUtf8(
            "{'id':'x','choices':[{'index':0,'message':{'role':'assistant','content':'ok'},'finish_reason':'stop'}],'usage':" + usage + "}"), "m");

        Assert.Equal(1000, r.Usage!.InputTokens);
        Assert.Equal(5, r.Usage.OutputTokens);
        Assert.Equal(expectedCached, r.Usage.CachedInputTokens);
    }

    [Fact]
    public void ReadCompletion_NoModelNoUsage_UsesFallbackModelAndNullUsage()
    {
        var r = OpenAIResponseReader.ReadCompletion(Json.QuotedUtf8("{'choices':[{'message':{'content':'ok'}}]}"), "fallback-model");

        Assert.Equal("fallback-model", r.Model);
        Assert.Null(r.Usage);
        Assert.Null(r.Choices[0].FinishReason);
        Assert.Equal(ChatRole.Assistant, r.Choices[0].Message.Role);
    }

    [Theory]
    [InlineData("stop", FinishReason.Stop)]
    [InlineData("length", FinishReason.Length)]
    [InlineData("tool_calls", FinishReason.ToolCalls)]
    [InlineData("function_call", FinishReason.ToolCalls)]
    [InlineData("content_filter", FinishReason.ContentFilter)]
    [InlineData("eos", FinishReason.Stop)]
    [InlineData("end_turn", FinishReason.Stop)]
    public void ReadCompletion_FinishReason_MapsUnknownToStop(string wire, FinishReason expected)
    {
        var r = OpenAIResponseReader.ReadCompletion(Json.QuotedUtf8(
            "{'choices':[{'index':0,'message':{'content':'x'},'finish_reason':'" + wire + "'}]}"), "m");

        Assert.Equal(expected, r.Choices[0].FinishReason);
    }

    [Theory]
    [InlineData("{'id':'x','object':'chat.completion'}")]
    [InlineData("{'choices':null}")]
    [InlineData("{'choices':{}}")]
    [InlineData("{'choices':[{'index':0}]}")]
    [InlineData("[]")]
    public void ReadCompletion_NoUsableChoices_ThrowsInvalidData(string json)
    {
        Assert.Throws<InvalidDataException>(() => OpenAIResponseReader.ReadCompletion(Json.QuotedUtf8(json), "m"));
    }

    [Fact]
    public void ReadChunk_RoleContentToolCallsAndUsageOnly()
    {
        var role = ReadChunk(Json.Quoted(
            "{'id':'c','created':5,'model':'gpt','choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}"), "m");
        var content = ReadChunk(Json.Quoted(
            "{'id':'c','choices':[{'index':0,'delta':{'content':'Hel'},'finish_reason':null}]}"), "m");
        var tool = ReadChunk(Json.Parse(
            """{"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_9","type":"function","function":{"name":"f","arguments":"{\""}}]}}]}"""), "m");
        var usage = ReadChunk(Json.Quoted(
            "{'id':'c','choices':[],'usage':{'prompt_tokens':10,'completion_tokens':20,'completion_tokens_details':{'reasoning_tokens':4}}}"), "m");

        Assert.Equal(("c", 5L, "gpt"), (role.Id, role.Created, role.Model));
        Assert.Equal(ChatRole.Assistant, Assert.Single(role.Choices).Delta.Role);
        Assert.Equal("Hel", Assert.Single(content.Choices).Delta.Content);
        Assert.Null(content.Choices[0].Delta.Role);
        Assert.Null(content.Choices[0].FinishReason);
        Assert.Equal("m", content.Model);
        Assert.Equal(new ToolCallDelta(1, "call_9", "f", "{\""), Assert.Single(Assert.Single(tool.Choices).Delta.ToolCalls!));
        Assert.Empty(usage.Choices);
        Assert.Equal(new TokenUsage { InputTokens = 10, OutputTokens = 20, ReasoningTokens = 4 }, usage.Usage);
    }

    /// <summary>Streamed chunks are read from their bytes, as the adapter receives them.</summary>
    private static ChatStreamChunk ReadChunk(System.Text.Json.JsonElement json, string fallbackModel)
    {
        Assert.True(OpenAIChunkReader.TryRead(System.Text.Encoding.UTF8.GetBytes(json.GetRawText()), fallbackModel, out var chunk));
        return chunk!;
    }

    [Fact]
    public void ReadChunk_NotAnObject_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => OpenAIChunkReader.TryRead("[1]"u8, "m", out _));
    }

    private static ChatStreamChunk Chunk(TokenUsage? usage = null, IReadOnlyDictionary<string, string>? metadata = null) => new()
    {
        Id = "c1",
        Created = 7,
        Model = "gpt",
        Choices = [new StreamChoice(0, new StreamDelta { Content = "hi", ToolCalls = [new ToolCallDelta(0, "t1", "f", null)] }, FinishReason.Length)],
        Usage = usage,
        ProviderMetadata = metadata,
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WriteChunk_IncludeUsage_ControlsUsageField(bool includeUsage)
    {
        var body = Json.WriteAndParse(w => OpenAIResponseWriter.WriteChunk(w, Chunk(new TokenUsage { InputTokens = 1, OutputTokens = 2 }), includeUsage));

        Assert.Equal(includeUsage, body.TryGetProperty("usage", out _));
        Assert.Equal("chat.completion.chunk", body.GetProperty("object").GetString());
    }

    [Fact]
    public void WriteChunk_ThenRead_RoundTripsDelta()
    {
        var back = ReadChunk(Json.WriteAndParse(w => OpenAIResponseWriter.WriteChunk(w, Chunk(), true)), "other");

        var choice = Assert.Single(back.Choices);
        Assert.Equal("hi", choice.Delta.Content);
        Assert.Equal(FinishReason.Length, choice.FinishReason);
        Assert.Equal(new ToolCallDelta(0, "t1", "f", ""), Assert.Single(choice.Delta.ToolCalls!));
        Assert.Equal(("c1", 7L, "gpt"), (back.Id, back.Created, back.Model));
    }

    [Fact]
    public void WriteChunkAndCompletion_ProviderMetadata_WrittenUnderArbiter()
    {
        var metadata = new Dictionary<string, string> { ["simulated"] = "true", ["provider"] = "simulator" };

        var chunk = Json.WriteAndParse(w => OpenAIResponseWriter.WriteChunk(w, Chunk(metadata: metadata), false));
        var completion = Json.WriteAndParse(w => OpenAIResponseWriter.WriteCompletion(w, Answer with { ProviderMetadata = metadata }));

        foreach (var body in new[] { chunk, completion })
        {
            var arbiter = body.GetProperty("arbiter");
            Assert.Equal("true", arbiter.GetProperty("simulated").GetString());
            Assert.Equal("simulator", arbiter.GetProperty("provider").GetString());
            Assert.False(body.TryGetProperty("simulated", out _));
        }
    }

    [Fact]
    public void WriteCompletion_NoFinishReason_WritesNull()
    {
        var body = Json.WriteAndParse(w => OpenAIResponseWriter.WriteCompletion(w,
            Answer with { Choices = [new ChatChoice(0, ChatMessage.Assistant("x"), null)], Usage = null }));

        Assert.Equal(JsonValueKind.Null, body.GetProperty("choices")[0].GetProperty("finish_reason").ValueKind);
        Assert.False(body.TryGetProperty("usage", out _));
    }
}
