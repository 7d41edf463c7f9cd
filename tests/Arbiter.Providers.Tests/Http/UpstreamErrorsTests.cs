using System.Net;
using System.Text.Json;
using Arbiter.Core.Errors;
using Arbiter.Providers.Http;

namespace Arbiter.Providers.Tests.Http;

/// <summary>How upstream failures, over HTTP or inside a stream, become error kinds.</summary>
public sealed class UpstreamErrorsTests
{
    private const string Secret = "sk-test-SECRET-0123456789abcdef";

    private static async Task<ArbiterError> FromStatusAsync(int status, string message)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent("""{"type":"error","error":{"type":"x","message":""" + JsonSerializer.Serialize(message) + "}}"),
        };
        var ex = await UpstreamErrors.FromResponseAsync("p", response, [Secret], TimeProvider.System, CancellationToken.None);
        return ex.Error;
    }

    [Fact]
    public async Task Http413_IsPayloadTooLargeNotContextOverflow()
    {
        var error = await FromStatusAsync(413, "Request exceeds the maximum allowed number of bytes.");

        Assert.Equal(ErrorKind.PayloadTooLarge, error.Kind);
        Assert.Equal(413, error.HttpStatus);
        Assert.Equal(413, error.UpstreamStatus);
        Assert.Equal("provider 'p' refused the request body as too large (HTTP 413): Request exceeds the maximum allowed number of bytes.", error.Message);
    }

    [Theory]
    [InlineData(400, "prompt is too long: 210000 tokens > 200000 maximum")]
    [InlineData(400, "This model's maximum context length is 128000 tokens.")]
    [InlineData(422, "too many tokens in the input")]
    public async Task ContextOverflowMessage_IsContextWindowExceeded(int status, string message)
    {
        Assert.Equal(ErrorKind.ContextWindowExceeded, (await FromStatusAsync(status, message)).Kind);
    }

    [Theory]
    [InlineData("The response was filtered due to the prompt triggering Azure OpenAI's content management policy.")]
    [InlineData("Your request was rejected as a result of our safety system. content_policy_violation")]
    [InlineData("finish_reason content_filter")]
    [InlineData("This request violates our usage policy.")]
    [InlineData("Blocked under the Responsible AI policy.")]
    public async Task PolicyMessage_IsContentFiltered(string message)
    {
        Assert.Equal(ErrorKind.ContentFiltered, (await FromStatusAsync(400, message)).Kind);
    }

    [Theory]
    [InlineData("Invalid value at 'safety_settings[0].threshold'")]
    [InlineData("safety_identifier must be at most 64 characters")]
    [InlineData("Unknown parameter: 'safety'.")]
    public async Task OrdinaryBadRequestMentioningSafety_StaysUpstreamBadRequest(string message)
    {
        Assert.Equal(ErrorKind.UpstreamBadRequest, (await FromStatusAsync(400, message)).Kind);
    }

    [Theory]
    [InlineData("rate_limit_error", ErrorKind.RateLimited)]
    [InlineData("rate_limit_exceeded", ErrorKind.RateLimited)]
    [InlineData("RESOURCE_EXHAUSTED", ErrorKind.RateLimited)]
    [InlineData("overloaded_error", ErrorKind.UpstreamError)]
    [InlineData("server_error", ErrorKind.UpstreamError)]
    [InlineData("api_error", ErrorKind.UpstreamError)]
    [InlineData("UNAVAILABLE", ErrorKind.UpstreamError)]
    [InlineData("INTERNAL", ErrorKind.UpstreamError)]
    [InlineData("invalid_request_error", ErrorKind.UpstreamBadRequest)]
    [InlineData("INVALID_ARGUMENT", ErrorKind.UpstreamBadRequest)]
    [InlineData("authentication_error", ErrorKind.UpstreamAuth)]
    [InlineData("permission_error", ErrorKind.UpstreamAuth)]
    [InlineData("PERMISSION_DENIED", ErrorKind.UpstreamAuth)]
    [InlineData("UNAUTHENTICATED", ErrorKind.UpstreamAuth)]
    [InlineData("something_new", ErrorKind.UpstreamError)]
    [InlineData(null, ErrorKind.UpstreamError)]
    public void FromStreamError_MapsTypeToKind(string? type, ErrorKind expected)
    {
        var error = UpstreamErrors.FromStreamError("p", type, "boom", [Secret]).Error;

        Assert.Equal(expected, error.Kind);
        Assert.Equal("p", error.Provider);
        Assert.StartsWith("provider 'p' reported an error mid-stream: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStreamError_MessageIsTypeThenScrubbedText()
    {
        var error = UpstreamErrors.FromStreamError("p", "overloaded_error", "Overloaded; your key " + Secret, [Secret]).Error;

        Assert.Equal("provider 'p' reported an error mid-stream: overloaded_error: Overloaded; your key [redacted]", error.Message);
    }

    [Fact]
    public void FromStreamError_NoType_MessageIsTheTextAlone()
    {
        var error = UpstreamErrors.FromStreamError("p", null, "something broke", []).Error;

        Assert.Equal("provider 'p' reported an error mid-stream: something broke", error.Message);
    }

    [Fact]
    public void FromStreamError_InvalidRequestAboutContextLength_IsContextWindowExceeded()
    {
        var error = UpstreamErrors.FromStreamError("p", "invalid_request_error", "prompt is too long: 300000 tokens", []).Error;

        Assert.Equal(ErrorKind.ContextWindowExceeded, error.Kind);
    }

    [Fact]
    public void FromStreamError_AuthError_NeverEchoesTheUpstreamWords()
    {
        var error = UpstreamErrors.FromStreamError("p", "authentication_error", "invalid x-api-key sk-ant-api03-abc", []).Error;

        Assert.DoesNotContain("x-api-key", error.Message);
        Assert.Equal("provider 'p' reported an error mid-stream: authentication_error: check its api_key", error.Message);
    }
}
