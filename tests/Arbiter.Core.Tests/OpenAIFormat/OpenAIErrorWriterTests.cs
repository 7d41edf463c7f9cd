using System.Text.Json;
using Arbiter.Core.Errors;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.OpenAIFormat;

public sealed class OpenAIErrorWriterTests
{
    [Fact]
    public void Write_NoParamNoCode_WritesOpenAIShapeWithCatalogTypeAndCode()
    {
        var text = Json.Write(w => OpenAIErrorWriter.Write(w, new ArbiterError(ErrorKind.RateLimited, "slow down")));

        Assert.Equal("""{"error":{"message":"slow down","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}""", text);
    }

    [Fact]
    public void Write_ParamCodeProvider_WritesThem()
    {
        var error = new ArbiterError(ErrorKind.InvalidRequest, "messages[1].content: required") { Param = "messages[1].content", Code = "invalid_value", Provider = "openai" };

        var text = Json.Write(w => OpenAIErrorWriter.Write(w, error));

        Assert.Equal("""{"error":{"message":"messages[1].content: required","type":"invalid_request_error","param":"messages[1].content","code":"invalid_value","provider":"openai"}}""", text);
    }

    [Fact]
    public void Write_KindWithoutDefaultCode_WritesNullCode()
    {
        var body = Json.WriteAndParse(w => OpenAIErrorWriter.Write(w, new ArbiterError(ErrorKind.Internal, "oops")));

        var e = body.GetProperty("error");
        Assert.Equal("server_error", e.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("code").ValueKind);
        Assert.Equal(JsonValueKind.Null, e.GetProperty("param").ValueKind);
    }

    public static TheoryData<ErrorKind> AllKinds() => new(Enum.GetValues<ErrorKind>());

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Write_EveryKind_TypeAndCodeComeFromCatalog(ErrorKind kind)
    {
        var e = Json.WriteAndParse(w => OpenAIErrorWriter.Write(w, new ArbiterError(kind, "m \"quoted\" é"))).GetProperty("error");

        Assert.Equal("m \"quoted\" é", e.GetProperty("message").GetString());
        Assert.Equal(ErrorCatalog.TypeOf(kind), e.GetProperty("type").GetString());
        Assert.Equal(ErrorCatalog.DefaultCodeOf(kind), e.GetProperty("code").GetString());
    }

    [Fact]
    public void WriteBody_WritesInnerObjectOnly()
    {
        var body = Json.WriteAndParse(w => OpenAIErrorWriter.WriteBody(w, new ArbiterError(ErrorKind.UpstreamTimeout, "late")));

        Assert.False(body.TryGetProperty("error", out _));
        Assert.Equal("upstream_error", body.GetProperty("type").GetString());
        Assert.Equal("upstream_timeout", body.GetProperty("code").GetString());
    }
}
