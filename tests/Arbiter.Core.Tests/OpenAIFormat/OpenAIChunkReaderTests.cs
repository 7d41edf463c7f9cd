using System.Text;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;

namespace Arbiter.Core.Tests.OpenAIFormat;

/// <summary>The byte-level reader of streamed chunks: what servers really send, including what it must skip.</summary>
public sealed class OpenAIChunkReaderTests
{
    private static ChatStreamChunk Read(string json, string fallbackModel = "m")
    {
        Assert.True(OpenAIChunkReader.TryRead(Encoding.UTF8.GetBytes(json.Replace('\'', '"')), fallbackModel, out var chunk));
        return chunk!;
    }

    [Fact]
    public void TryRead_LogprobsAndUnknownFields_AreSkipped()
    {
        var chunk = Read("""
            {'id':'c','object':'chat.completion.chunk','created':9,'model':'gpt','service_tier':'default','obfuscation':'x1',
             'choices':[{'index':0,'delta':{'content':'Hi','annotations':[{'a':[1,{'b':null}]}]},
                         'logprobs':{'content':[{'token':'Hi','logprob':-0.1,'top_logprobs':[{'token':'Hi','bytes':[72,105]}]}]},
                         'finish_reason':null}],
             'extra':{'nested':{'deep':[true,false,null]}}}
            """);

        Assert.Equal(("c", 9L, "gpt"), (chunk.Id, chunk.Created, chunk.Model));
        var choice = Assert.Single(chunk.Choices);
        Assert.Equal("Hi", choice.Delta.Content);
        Assert.Null(choice.FinishReason);
        Assert.Null(chunk.Usage);
    }

    [Fact]
    public void TryRead_NullsAndWrongTypes_ReadAsAbsent()
    {
        var chunk = Read("{'id':null,'created':'soon','model':7,'choices':[{'delta':null,'finish_reason':null}],'usage':null}", "fallback");

        Assert.Equal(("", 0L, "fallback"), (chunk.Id, chunk.Created, chunk.Model));
        var choice = Assert.Single(chunk.Choices);
        Assert.Equal(0, choice.Index);
        Assert.Same(StreamDelta.Empty, choice.Delta);
        Assert.Null(chunk.Usage);
    }

    [Fact]
    public void TryRead_ToolCallPiecesWithoutIndex_NumberedByPosition()
    {
        var chunk = Read("{'choices':[{'index':2,'delta':{'tool_calls':[{'id':'a','function':{'name':'f','arguments':''}},{'function':{'arguments':'{}'}}]}}]}");

        var choice = Assert.Single(chunk.Choices);
        Assert.Equal(2, choice.Index);
        Assert.Equal([new ToolCallDelta(0, "a", "f", ""), new ToolCallDelta(1, null, null, "{}")], choice.Delta.ToolCalls!);
    }

    [Fact]
    public void TryRead_SeveralChoices_AllReadInOrder_ThoseWithoutIndexNumberedByPosition()
    {
        var chunk = Read("{'choices':[{'index':0,'delta':{'content':'a'}},7,{'delta':{'content':'b'},'finish_reason':'length'},{'index':5,'delta':{}}]}");

        Assert.Equal([(0, "a", null), (1, "b", FinishReason.Length), (5, null, null)],
            chunk.Choices.Select(c => (c.Index, c.Delta.Content, c.FinishReason)));
    }

    [Fact]
    public void TryRead_EmptyChoices_ReadAsNone()
    {
        Assert.Empty(Read("{'choices':[]}").Choices);
        Assert.Empty(Read("{'choices':null}").Choices);
    }

    [Theory]
    [InlineData("{'choices':[],'usage':{'prompt_tokens':100,'completion_tokens':5,'prompt_tokens_details':{'cached_tokens':60,'cache_write_tokens':30},'completion_tokens_details':{'reasoning_tokens':2,'audio_tokens':0}}}", 100, 60, 30, 5, 2)]
    [InlineData("{'choices':[],'usage':{'prompt_tokens':100,'completion_tokens':5,'prompt_cache_hit_tokens':80,'prompt_cache_miss_tokens':20}}", 100, 80, 0, 5, 0)]
    [InlineData("{'choices':[],'usage':{'prompt_tokens':10,'completion_tokens':1,'total_tokens':11}}", 10, 0, 0, 1, 0)]
    public void TryRead_UsageShapes_ReadLikeCompletions(string json, long input, long cached, long cacheWrite, long output, long reasoning)
    {
        var usage = Read(json).Usage;

        Assert.Equal(new TokenUsage { InputTokens = input, CachedInputTokens = cached, CacheWriteTokens = cacheWrite, OutputTokens = output, ReasoningTokens = reasoning }, usage);
    }

    [Theory]
    [InlineData("{'error':{'message':'Rate limit','type':'requests','code':'rate_limit_exceeded'}}")]
    [InlineData("{'id':'c','error':null}")]
    public void TryRead_ErrorObject_IsNotAChunk(string json)
    {
        Assert.False(OpenAIChunkReader.TryRead(Encoding.UTF8.GetBytes(json.Replace('\'', '"')), "m", out var chunk));
        Assert.Null(chunk);
    }

    [Fact]
    public void TryRead_UnknownFinishReasonAndRole_AreStopAndNoRole()
    {
        var choice = Assert.Single(Read("{'choices':[{'index':0,'delta':{'role':'narrator'},'finish_reason':'eos'}]}").Choices);

        Assert.Null(choice.Delta.Role);
        Assert.Equal(FinishReason.Stop, choice.FinishReason);
    }

    [Fact]
    public void TryRead_WithThePreviousChunk_ReusesItsStringsWhenRepeated_AndReadsNewOnesWhenNot()
    {
        static ChatStreamChunk Read(string json, ChatStreamChunk? previous)
        {
            Assert.True(OpenAIChunkReader.TryRead(Encoding.UTF8.GetBytes(json.Replace('\'', '"')), "fallback", out var chunk, previous));
            return chunk!;
        }
        var first = Read("{'id':'chatcmpl-1','model':'gpt-x','system_fingerprint':'fp_1','choices':[{'index':0,'delta':{'content':'Hel'}}]}", null);

        var same = Read("{'id':'chatcmpl-1','model':'gpt-x','system_fingerprint':'fp_1','choices':[{'index':0,'delta':{'content':'lo'}}]}", first);
        var changed = Read("{'id':'chatcmpl-2','model':'gpt-y','system_fingerprint':'fp_1','choices':[]}", first);

        Assert.Same(first.Id, same.Id);
        Assert.Same(first.Model, same.Model);
        Assert.Same(first.SystemFingerprint, same.SystemFingerprint);
        Assert.Equal("chatcmpl-2", changed.Id);
        Assert.Equal("gpt-y", changed.Model);
        Assert.Equal("lo", Assert.Single(same.Choices).Delta.Content);
    }
}
