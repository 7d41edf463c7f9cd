using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.OpenAIFormat;

public sealed class OpenAIRequestReaderTests
{
    private const string FullRequest = """
        {
          "model": "gpt-4o",
          "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Weather in Paris?", "name": "alice"},
            {"role": "assistant", "content": null, "tool_calls": [
              {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "18C"}
          ],
          "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather by city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}, "strict": true}}],
          "tool_choice": "required",
          "parallel_tool_calls": false,
          "response_format": {"type": "json_object"},
          "temperature": 0.7,
          "top_p": 0.9,
          "max_completion_tokens": 256,
          "stop": "END",
          "n": 2,
          "seed": 42,
          "presence_penalty": 0.5,
          "frequency_penalty": -0.5,
          "user": "user-123",
          "metadata": {"team": "search", "env": "prod"},
          "stream": true,
          "stream_options": {"include_usage": true}
        }
        """;

    private static ChatRequest Read(string json) => OpenAIRequestReader.Read(Json.Parse(json));

    private static ChatRequest ReadQuoted(string json) => OpenAIRequestReader.Read(Json.Quoted(json));

    [Fact]
    public void Read_FullRequest_ReadsEveryModelledField()
    {
        var r = Read(FullRequest);

        Assert.Equal("gpt-4o", r.Model);
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool], r.Messages.Select(m => m.Role));
        Assert.Equal("Be brief.", r.Messages[0].Text);
        Assert.Equal("alice", r.Messages[1].Name);
        Assert.True(r.Stream);
        Assert.True(r.StreamIncludeUsage);
        var tool = Assert.Single(r.Tools!);
        Assert.Equal("get_weather", tool.Name);
        Assert.Equal("Weather by city", tool.Description);
        Assert.True(tool.Strict);
        Assert.Equal("city", tool.Parameters!.Value.GetProperty("required")[0].GetString());
        Assert.Equal(ToolChoice.Required, r.ToolChoice);
        Assert.False(r.ParallelToolCalls);
        Assert.Equal(ResponseFormatKind.JsonObject, r.ResponseFormat!.Kind);
        Assert.Equal(0.7, r.Temperature);
        Assert.Equal(0.9, r.TopP);
        Assert.Equal(256, r.MaxOutputTokens);
        Assert.Equal(["END"], r.Stop!);
        Assert.Equal(2, r.N);
        Assert.Equal(42L, r.Seed);
        Assert.Equal(0.5, r.PresencePenalty);
        Assert.Equal(-0.5, r.FrequencyPenalty);
        Assert.Equal("user-123", r.User);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "search", ["env"] = "prod" }, r.Metadata);
        Assert.Null(r.ExtraFields);
    }

    [Fact]
    public void Read_AssistantWithToolCallsAndNullContent_KeepsCallsAndNoText()
    {
        var m = Read(FullRequest).Messages[2];

        Assert.Null(m.Text);
        Assert.Null(m.Parts);
        var call = Assert.Single(m.ToolCalls!);
        Assert.Equal(new ToolCall("call_1", "get_weather", """{"city":"Paris"}"""), call);
    }

    [Fact]
    public void Read_ToolMessage_KeepsToolCallIdAndContent()
    {
        var m = Read(FullRequest).Messages[3];

        Assert.Equal(ChatRole.Tool, m.Role);
        Assert.Equal("call_1", m.ToolCallId);
        Assert.Equal("18C", m.Text);
    }

    [Theory]
    [InlineData("'auto'", ToolChoiceMode.Auto, null)]
    [InlineData("'none'", ToolChoiceMode.None, null)]
    [InlineData("'required'", ToolChoiceMode.Required, null)]
    [InlineData("{'type':'function','function':{'name':'get_weather'}}", ToolChoiceMode.Function, "get_weather")]
    public void Read_ToolChoice_StringAndObjectForms(string choice, ToolChoiceMode mode, string? function)
    {
        var r = ReadQuoted("{'model':'m','messages':[{'role':'user','content':'hi'}],'tool_choice':" + choice + "}");

        Assert.Equal(new ToolChoice(mode, function), r.ToolChoice);
    }

    [Fact]
    public void Read_ResponseFormatJsonSchema_KeepsNameSchemaAndStrict()
    {
        var r = ReadQuoted("{'model':'m','messages':[{'role':'user','content':'hi'}],'response_format':{'type':'json_schema'," +
            "'json_schema':{'name':'answer','strict':true,'schema':{'type':'object','properties':{'x':{'type':'integer'}}}}}}");

        var f = r.ResponseFormat!;
        Assert.Equal(ResponseFormatKind.JsonSchema, f.Kind);
        Assert.Equal("answer", f.SchemaName);
        Assert.True(f.Strict);
        Assert.Equal("integer", f.Schema!.Value.GetProperty("properties").GetProperty("x").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("'END'", new[] { "END" })]
    [InlineData("['a','b','c','d']", new[] { "a", "b", "c", "d" })]
    [InlineData("[]", new string[0])]
    public void Read_Stop_StringOrArray(string stop, string[] expected)
    {
        var r = ReadQuoted("{'model':'m','messages':[{'role':'user','content':'hi'}],'stop':" + stop + "}");

        Assert.Equal(expected, r.Stop!);
    }

    [Theory]
    [InlineData("max_tokens")]
    [InlineData("max_completion_tokens")]
    public void Read_EitherMaxTokensField_SetsMaxOutputTokens(string field)
    {
        var r = ReadQuoted("{'model':'m','messages':[{'role':'user','content':'hi'}],'" + field + "':300}");

        Assert.Equal(300, r.MaxOutputTokens);
    }

    [Theory]
    [InlineData("'max_tokens':100,'max_completion_tokens':200")]
    [InlineData("'max_completion_tokens':200,'max_tokens':100")]
    public void Read_BothMaxTokensFields_MaxCompletionTokensWinsWhateverTheOrder(string fields)
    {
        var r = ReadQuoted("{'model':'m','messages':[{'role':'user','content':'hi'}]," + fields + "}");

        Assert.Equal(200, r.MaxOutputTokens);
    }

    [Fact]
    public void Read_MaxCompletionTokensNull_FallsBackToMaxTokens()
    {
        var r = ReadQuoted("{'model':'m','messages':[{'role':'user','content':'hi'}],'max_tokens':100,'max_completion_tokens':null}");

        Assert.Equal(100, r.MaxOutputTokens);
    }

    [Fact]
    public void Read_MaxTokensAtInt32Max_IsAccepted()
    {
        var r = ReadQuoted("{'model':'m','messages':[{'role':'user','content':'hi'}],'max_tokens':2147483647}");

        Assert.Equal(int.MaxValue, r.MaxOutputTokens);
    }

    [Fact]
    public void Read_EveryModelledField_IsReadNotPassedThrough()
    {
        var r = ReadQuoted("{'model':'m','messages':[{'role':'user','content':'hi'}],'stream':true,'stream_options':{'include_usage':true}," +
            "'max_tokens':5,'max_completion_tokens':6,'temperature':0.5,'top_p':0.9,'n':1,'seed':7,'stop':['x'],'presence_penalty':0.1," +
            "'frequency_penalty':0.2,'user':'u','metadata':{'k':'v'},'tools':[{'type':'function','function':{'name':'f'}}]," +
            "'tool_choice':'auto','parallel_tool_calls':false,'response_format':{'type':'json_object'}}");

        Assert.Null(r.ExtraFields);
        Assert.Equal((true, true, 6, 0.5, 0.9, 1, 7L), (r.Stream, r.StreamIncludeUsage, r.MaxOutputTokens, r.Temperature, r.TopP, r.N, r.Seed));
        Assert.Equal((0.1, 0.2, "u", false), (r.PresencePenalty, r.FrequencyPenalty, r.User, r.ParallelToolCalls));
        Assert.Equal(["x"], r.Stop!);
        Assert.Equal("v", r.Metadata!["k"]);
        Assert.Equal("f", Assert.Single(r.Tools!).Name);
        Assert.Equal(ToolChoice.Auto, r.ToolChoice);
        Assert.Equal(ResponseFormatKind.JsonObject, r.ResponseFormat!.Kind);
    }

    [Fact]
    public void Read_NoOptionalFields_LeavesThemUnset()
    {
        var r = ReadQuoted("{'model':'m','messages':[{'role':'user','content':'hi'}]}");

        Assert.False(r.Stream);
        Assert.False(r.StreamIncludeUsage);
        Assert.Null(r.MaxOutputTokens);
        Assert.Null(r.Temperature);
        Assert.Null(r.Tools);
        Assert.Null(r.ToolChoice);
        Assert.Null(r.Stop);
        Assert.Null(r.Metadata);
        Assert.Null(r.ExtraFields);
    }

    [Fact]
    public void Read_UnknownTopLevelFields_KeptInArrivalOrder()
    {
        var r = Read("""
            {"logprobs":true,"model":"m","top_logprobs":3,"messages":[{"role":"user","content":"hi"}],
             "reasoning_effort":"high","prediction":{"type":"content","content":"x"},"big":12345678901234567890,"tiny":1.0e-7}
            """);

        Assert.Equal(["logprobs", "top_logprobs", "reasoning_effort", "prediction", "big", "tiny"], r.ExtraFields!.Select(f => f.Key));
        Assert.Equal(["true", "3", "\"high\"", """{"type":"content","content":"x"}""", "12345678901234567890", "1.0e-7"],
            r.ExtraFields!.Select(f => f.Value.GetRawText()));
    }

    [Fact]
    public void Read_ThenWrite_ExtraFieldsRoundTripExactly()
    {
        var extras = "'logprobs':true,'top_logprobs':3,'reasoning_effort':'high','prediction':{'type':'content','content':'x'},'big':12345678901234567890,'tiny':1.0e-7"
            .Replace('\'', '"');
        var r = Read("""{"model":"m","messages":[{"role":"user","content":"hi"}],""" + extras + "}");

        var written = Json.Write(w => OpenAIRequestWriter.Write(w, r, "m", new OpenAIRequestWriteOptions()));

        Assert.EndsWith("," + extras + "}", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ContentParts_TextImagesAndRawPart()
    {
        var r = Read("""
            {"model":"m","messages":[{"role":"user","content":[
              {"type":"text","text":"What is this?"},
              {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"high"}},
              {"type":"image_url","image_url":"https://example.com/dog.png"},
              {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
              {"type":"input_audio","input_audio":{"data":"UklGRg==","format":"wav"}}]}]}
            """);

        var m = Assert.Single(r.Messages);
        Assert.Null(m.Text);
        var parts = m.Parts!;
        Assert.Equal(5, parts.Count);
        Assert.Equal(new TextPart("What is this?"), parts[0]);
        Assert.Equal(new ImagePart("https://example.com/cat.png", "high"), parts[1]);
        Assert.Equal(new ImagePart("https://example.com/dog.png"), parts[2]);
        Assert.Equal(new ImagePart("data:image/png;base64,iVBORw0KGgo="), parts[3]);
        var raw = Assert.IsType<RawPart>(parts[4]);
        Assert.Equal("input_audio", raw.Type);
        Assert.Equal("What is this?", m.AllText());
    }

    [Fact]
    public void Read_ThenWrite_RawPartRoundTripsVerbatim()
    {
        const string audio = """{"type":"input_audio","input_audio":{"data":"UklGRg==","format":"wav"}}""";
        var r = Read("""{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"},""" + audio + "]}]}");

        var written = Json.WriteAndParse(w => OpenAIRequestWriter.Write(w, r, "m", new OpenAIRequestWriteOptions()));

        var content = written.GetProperty("messages")[0].GetProperty("content");
        Assert.Equal(audio, content[1].GetRawText());
    }

    [Fact]
    public void Read_StringContent_KeptAsTextNotParts()
    {
        var m = ReadQuoted("{'model':'m','messages':[{'role':'user','content':'hello there'}]}").Messages[0];

        Assert.Equal("hello there", m.Text);
        Assert.Null(m.Parts);
    }

    [Fact]
    public void Read_ThenWriteThenRead_IsStable()
    {
        var first = Read(FullRequest);
        var once = Json.Write(w => OpenAIRequestWriter.Write(w, first, first.Model, new OpenAIRequestWriteOptions { MaxTokensField = "max_completion_tokens", RequestStreamUsage = false }));
        var second = Read(once);
        var twice = Json.Write(w => OpenAIRequestWriter.Write(w, second, second.Model, new OpenAIRequestWriteOptions { MaxTokensField = "max_completion_tokens", RequestStreamUsage = false }));

        Assert.Equal(once, twice);
        Assert.Equal(first.Messages, second.Messages, (a, b) => a.Role == b.Role && a.Text == b.Text && a.ToolCallId == b.ToolCallId
            && (a.ToolCalls ?? []).SequenceEqual(b.ToolCalls ?? []));
        Assert.Equal(first.MaxOutputTokens, second.MaxOutputTokens);
        Assert.Equal(first.StreamIncludeUsage, second.StreamIncludeUsage);
    }
}
