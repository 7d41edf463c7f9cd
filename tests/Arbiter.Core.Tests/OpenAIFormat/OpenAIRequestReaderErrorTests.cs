using Arbiter.Core.Errors;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.OpenAIFormat;

/// <summary>Every malformed request is a 400 (InvalidRequest) naming the exact field at fault.</summary>
public sealed class OpenAIRequestReaderErrorTests
{
    private const string Hi = "[{'role':'user','content':'hi'}]";

    private static ArbiterError ReadError(string quotedJson)
    {
        var ex = Assert.Throws<ArbiterException>(() => OpenAIRequestReader.Read(Json.Quoted(quotedJson)));
        return ex.Error;
    }

    [Theory]
    // model
    [InlineData("{'messages':" + Hi + "}", "model")]
    [InlineData("{'model':'','messages':" + Hi + "}", "model")]
    [InlineData("{'model':5,'messages':" + Hi + "}", "model")]
    [InlineData("{'model':null,'messages':" + Hi + "}", "model")]
    // messages
    [InlineData("{'model':'m'}", "messages")]
    [InlineData("{'model':'m','messages':[]}", "messages")]
    [InlineData("{'model':'m','messages':{'role':'user','content':'hi'}}", "messages")]
    [InlineData("{'model':'m','messages':['hi']}", "messages[0]")]
    [InlineData("{'model':'m','messages':[{'role':'robot','content':'x'}]}", "messages[0].role")]
    [InlineData("{'model':'m','messages':[{'content':'x'}]}", "messages[0].role")]
    [InlineData("{'model':'m','messages':[{'role':'user'}]}", "messages[0].content")]
    [InlineData("{'model':'m','messages':[{'role':'user','content':null}]}", "messages[0].content")]
    [InlineData("{'model':'m','messages':[{'role':'user','content':5}]}", "messages[0].content")]
    [InlineData("{'model':'m','messages':[{'role':'user','content':'a'},{'role':'tool','content':'x'}]}", "messages[1].tool_call_id")]
    [InlineData("{'model':'m','messages':[{'role':'user','content':[{'type':'text'}]}]}", "messages[0].content[0].text")]
    [InlineData("{'model':'m','messages':[{'role':'user','content':[{'text':'x'}]}]}", "messages[0].content[0].type")]
    [InlineData("{'model':'m','messages':[{'role':'user','content':[{'type':'image_url','image_url':{'url':'ftp://x/y.png'}}]}]}", "messages[0].content[0].image_url.url")]
    [InlineData("{'model':'m','messages':[{'role':'assistant','tool_calls':[{'type':'function','function':{'name':'f'}}]}]}", "messages[0].tool_calls[0].id")]
    // sampling parameters
    [InlineData("{'model':'m','messages':" + Hi + ",'temperature':2.5}", "temperature")]
    [InlineData("{'model':'m','messages':" + Hi + ",'temperature':-0.1}", "temperature")]
    [InlineData("{'model':'m','messages':" + Hi + ",'temperature':'hot'}", "temperature")]
    [InlineData("{'model':'m','messages':" + Hi + ",'top_p':1.5}", "top_p")]
    [InlineData("{'model':'m','messages':" + Hi + ",'presence_penalty':3}", "presence_penalty")]
    [InlineData("{'model':'m','messages':" + Hi + ",'max_tokens':0}", "max_tokens")]
    [InlineData("{'model':'m','messages':" + Hi + ",'max_tokens':1.5}", "max_tokens")]
    [InlineData("{'model':'m','messages':" + Hi + ",'max_completion_tokens':0}", "max_completion_tokens")]
    [InlineData("{'model':'m','messages':" + Hi + ",'n':0}", "n")]
    [InlineData("{'model':'m','messages':" + Hi + ",'stream':'yes'}", "stream")]
    // stop
    [InlineData("{'model':'m','messages':" + Hi + ",'stop':['a','b','c','d','e']}", "stop")]
    [InlineData("{'model':'m','messages':" + Hi + ",'stop':5}", "stop")]
    [InlineData("{'model':'m','messages':" + Hi + ",'stop':['a',1]}", "stop[1]")]
    // response_format
    [InlineData("{'model':'m','messages':" + Hi + ",'response_format':{'type':'xml'}}", "response_format.type")]
    [InlineData("{'model':'m','messages':" + Hi + ",'response_format':{}}", "response_format.type")]
    [InlineData("{'model':'m','messages':" + Hi + ",'response_format':{'type':'json_schema'}}", "response_format.json_schema")]
    [InlineData("{'model':'m','messages':" + Hi + ",'response_format':{'type':'json_schema','json_schema':{'schema':{}}}}", "response_format.json_schema.name")]
    // tools
    [InlineData("{'model':'m','messages':" + Hi + ",'tools':{}}", "tools")]
    [InlineData("{'model':'m','messages':" + Hi + ",'tools':[{'type':'retrieval','function':{'name':'f'}}]}", "tools[0].type")]
    [InlineData("{'model':'m','messages':" + Hi + ",'tools':[{'type':'function'}]}", "tools[0].function")]
    [InlineData("{'model':'m','messages':" + Hi + ",'tools':[{'type':'function','function':{'name':''}}]}", "tools[0].function.name")]
    [InlineData("{'model':'m','messages':" + Hi + ",'tools':[{'type':'function','function':{'name':'f','parameters':[]}}]}", "tools[0].function.parameters")]
    [InlineData("{'model':'m','messages':" + Hi + ",'tool_choice':'always'}", "tool_choice")]
    [InlineData("{'model':'m','messages':" + Hi + ",'tool_choice':{'type':'function'}}", "tool_choice.function.name")]
    // stream_options
    [InlineData("{'model':'m','messages':" + Hi + ",'stream':false,'stream_options':{'include_usage':true}}", "stream_options")]
    [InlineData("{'model':'m','messages':" + Hi + ",'stream_options':{'include_usage':true}}", "stream_options")]
    [InlineData("{'model':'m','messages':" + Hi + ",'stream':true,'stream_options':5}", "stream_options")]
    // metadata
    [InlineData("{'model':'m','messages':" + Hi + ",'metadata':{'team':5}}", "metadata.team")]
    // the body itself
    [InlineData("[{'model':'m'}]", "body")]
    [InlineData("'just a string'", "body")]
    public void Read_InvalidRequest_ThrowsInvalidRequestNamingParam(string json, string param)
    {
        var error = ReadError(json);

        Assert.Equal(ErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(param, error.Param);
        Assert.Equal(400, error.HttpStatus);
        Assert.StartsWith(param + ":", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_tokens", "2147483648")]
    [InlineData("max_tokens", "4294967297")]
    [InlineData("n", "4294967297")]
    [InlineData("max_completion_tokens", "9223372036854775807")]
    [InlineData("max_tokens", "99999999999999999999")]
    [InlineData("max_tokens", "1e400")]
    public void Read_IntegerBeyondInt32_ThrowsInvalidRequestNamingParam(string field, string value)
    {
        var error = ReadError("{'model':'m','messages':" + Hi + ",'" + field + "':" + value + "}");

        Assert.Equal(ErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(field, error.Param);
        Assert.Contains("must be at most 2147483647", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ImageUrlStringFormWithFtpUrl_ThrowsInvalidRequestNamingParam()
    {
        var error = ReadError("{'model':'m','messages':[{'role':'user','content':[{'type':'image_url','image_url':'ftp://x/y.png'}]}]}");

        Assert.Equal(ErrorKind.InvalidRequest, error.Kind);
        Assert.Equal("messages[0].content[0].image_url", error.Param);
    }
}
