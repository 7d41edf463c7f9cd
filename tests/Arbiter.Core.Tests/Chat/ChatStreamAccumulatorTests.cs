using Arbiter.Core.Chat;

namespace Arbiter.Core.Tests.Chat;

public sealed class ChatStreamAccumulatorTests
{
    private static ChatStreamChunk Chunk(StreamDelta delta, FinishReason? finish = null, int index = 0) => new()
    {
        Id = "chatcmpl-9",
        Created = 1_700_000_000,
        Model = "gpt-4o",
        Choices = [new StreamChoice(index, delta, finish)],
    };

    private static ChatStreamChunk UsageOnly(TokenUsage usage) => new() { Id = "chatcmpl-9", Created = 1_700_000_000, Model = "gpt-4o", Usage = usage };

    private static ChatStreamAccumulator Fold(params ChatStreamChunk[] chunks)
    {
        var acc = new ChatStreamAccumulator();
        foreach (var c in chunks) acc.Add(c);
        return acc;
    }

    [Fact]
    public void Add_TextPieces_JoinedInOrderWithFinishReasonAndUsage()
    {
        var usage = new TokenUsage { InputTokens = 12, OutputTokens = 3 };
        var acc = Fold(
            Chunk(new StreamDelta { Role = ChatRole.Assistant, Content = "" }),
            Chunk(new StreamDelta { Content = "Hel" }),
            Chunk(new StreamDelta { Content = "lo, " }),
            Chunk(new StreamDelta { Content = "world" }),
            Chunk(StreamDelta.Empty, FinishReason.Length),
            UsageOnly(usage));

        Assert.Equal("Hello, world", acc.Text);
        Assert.Equal(FinishReason.Length, acc.FinishReason);
        Assert.Same(usage, acc.Usage);
        Assert.Equal(6, acc.ChunkCount);
        Assert.Empty(acc.ToolCalls);
    }

    [Fact]
    public void Add_ToolCallPieces_JoinedPerIndexWithIdAndNameFromFirstPiece()
    {
        var acc = Fold(
            Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(0, "call_a", "get_weather", "")] }),
            Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(0, null, null, "{\"ci")] }),
            Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(0, null, null, "ty\":\"Paris\"}")] }),
            Chunk(StreamDelta.Empty, FinishReason.ToolCalls));

        var call = Assert.Single(acc.ToolCalls);
        Assert.Equal(new ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}"), call);
        Assert.Equal(FinishReason.ToolCalls, acc.FinishReason);
    }

    [Fact]
    public void Add_TwoParallelToolCallsInterleaved_KeptApartInIndexOrder()
    {
        var acc = Fold(
            Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(1, "call_b", "lookup", "{\"q\":")] }),
            Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(0, "call_a", "search", "{\"term\":")] }),
            Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(1, null, null, "\"y\"}"), new ToolCallDelta(0, null, null, "\"x\"}")] }),
            Chunk(StreamDelta.Empty, FinishReason.ToolCalls));

        Assert.Equal([new ToolCall("call_a", "search", "{\"term\":\"x\"}"), new ToolCall("call_b", "lookup", "{\"q\":\"y\"}")], acc.ToolCalls);
    }

    [Fact]
    public void Add_LaterPieceWithDifferentId_KeepsFirstIdAndName()
    {
        var acc = Fold(
            Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(0, "first", "f", "{")] }),
            Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(0, "second", "g", "}")] }));

        Assert.Equal(new ToolCall("first", "f", "{}"), Assert.Single(acc.ToolCalls));
    }

    [Fact]
    public void ToolCalls_NoArgumentPieces_ArgumentsAreEmptyObject()
    {
        var acc = Fold(Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(0, "c", "ping", null)] }));

        Assert.Equal("{}", Assert.Single(acc.ToolCalls).Arguments);
    }

    [Fact]
    public void Add_ChoiceOtherThanFirst_Ignored()
    {
        var acc = Fold(Chunk(new StreamDelta { Content = "a" }), Chunk(new StreamDelta { Content = "b" }, FinishReason.Length, index: 1));

        Assert.Equal("a", acc.Text);
        Assert.Null(acc.FinishReason);
    }

    [Fact]
    public void ToResponse_Text_AssistantMessageWithIdModelCreatedUsage()
    {
        var usage = new TokenUsage { InputTokens = 1, OutputTokens = 2 };
        var r = Fold(Chunk(new StreamDelta { Content = "Hi" }), Chunk(new StreamDelta { Refusal = "no " }), Chunk(new StreamDelta { Refusal = "way" }, FinishReason.Stop), UsageOnly(usage)).ToResponse();

        Assert.Equal(("chatcmpl-9", 1_700_000_000L, "gpt-4o"), (r.Id, r.Created, r.Model));
        var choice = Assert.Single(r.Choices);
        Assert.Equal(0, choice.Index);
        Assert.Equal(FinishReason.Stop, choice.FinishReason);
        Assert.Equal(ChatRole.Assistant, choice.Message.Role);
        Assert.Equal("Hi", choice.Message.Text);
        Assert.Equal("no way", choice.Message.Refusal);
        Assert.Null(choice.Message.ToolCalls);
        Assert.Same(usage, r.Usage);
    }

    [Fact]
    public void ToResponse_OnlyToolCalls_TextIsNull()
    {
        var r = Fold(Chunk(new StreamDelta { ToolCalls = [new ToolCallDelta(0, "c", "f", "{}")] }, FinishReason.ToolCalls)).ToResponse();

        var m = Assert.Single(r.Choices).Message;
        Assert.Null(m.Text);
        Assert.Equal(new ToolCall("c", "f", "{}"), Assert.Single(m.ToolCalls!));
    }

    [Fact]
    public void ToResponse_NothingAdded_EmptyTextAndEmptyIds()
    {
        var r = new ChatStreamAccumulator().ToResponse();

        Assert.Equal("", r.Id);
        Assert.Equal("", Assert.Single(r.Choices).Message.Text);
        Assert.Null(r.Usage);
        Assert.Null(r.Choices[0].FinishReason);
    }
}
