using Arbiter.Core.Chat;
using Arbiter.Core.Errors;

namespace Arbiter.Providers.Tests.Gemini;

/// <summary>Gemini's error bodies: details Google puts in the body, and errors sent inside a stream.</summary>
public sealed class GeminiErrorTests : GeminiTestHarness
{
    [Theory, InlineData(false), InlineData(true)]
    public async Task RateLimited_RetryInfoInTheBody_BecomesRetryAfter(bool stream)
    {
        Fake.Enqueue(new GeminiRawScenario("""
            {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.","status":"RESOURCE_EXHAUSTED",
             "details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests"}]},
                        {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"}]}}
            """, Status: 429));

        var error = await FailsAsync(Request(stream));

        Assert.Equal(ErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1.5), error.RetryAfter);
        Assert.Contains("exceeded your current quota", error.Message);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task InvalidKey_Http400WithApiKeyInvalidReason_IsUpstreamAuth(bool stream)
    {
        Fake.Enqueue(new GeminiRawScenario("""
            {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT",
             "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com",
                         "metadata":{"service":"generativelanguage.googleapis.com"}}]}}
            """, Status: 400));

        var error = await FailsAsync(Request(stream));

        Assert.Equal(ErrorKind.UpstreamAuth, error.Kind);
        Assert.Equal(502, error.HttpStatus);
        Assert.Equal(400, error.UpstreamStatus);
        Assert.Equal("fake-provider", error.Provider);
        Assert.DoesNotContain("API key not valid", error.Message);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task BadRequestWithoutKeyReason_StaysUpstreamBadRequest(bool stream)
    {
        Fake.Enqueue(new GeminiRawScenario("""
            {"error":{"code":400,"message":"* GenerateContentRequest.contents: contents is not specified","status":"INVALID_ARGUMENT",
             "details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"contents"}]}]}}
            """, Status: 400));

        var error = await FailsAsync(Request(stream));

        Assert.Equal(ErrorKind.UpstreamBadRequest, error.Kind);
        Assert.Contains("contents is not specified", error.Message);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task Stream_ErrorEventAfterText_FailsMidStreamWithoutTheKey()
    {
        Fake.Enqueue(new GeminiRawScenario(
            """data: {"candidates":[{"content":{"role":"model","parts":[{"text":"Hi"}]}}]}""" + "\r\n\r\n" +
            """data: {"error":{"code":503,"message":"The model is overloaded (key """ + ApiKey + """).","status":"UNAVAILABLE"}}""" + "\r\n\r\n"));
        var received = new List<ChatStreamChunk>();

        var ex = await Assert.ThrowsAsync<ArbiterException>(async () =>
        {
            await foreach (var chunk in Provider().StreamAsync(Request(true), UpstreamModel, CancellationToken.None)) received.Add(chunk);
        });

        Assert.Single(received);
        Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
        Assert.Contains("overloaded", ex.Error.Message);
        Assert.DoesNotContain(ApiKey, ex.ToString());
    }

    [Theory]
    [InlineData("RESOURCE_EXHAUSTED", ErrorKind.RateLimited)]
    [InlineData("INTERNAL", ErrorKind.UpstreamError)]
    [InlineData("INVALID_ARGUMENT", ErrorKind.UpstreamBadRequest)]
    [InlineData("PERMISSION_DENIED", ErrorKind.UpstreamAuth)]
    public async Task Stream_ErrorEventAfterText_MapsStatusToKind(string status, ErrorKind expected)
    {
        Fake.Enqueue(new GeminiRawScenario(
            """data: {"candidates":[{"content":{"role":"model","parts":[{"text":"Hi"}]}}]}""" + "\r\n\r\n" +
            $$$"""data: {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"{{{status}}}"}}""" + "\r\n\r\n"));
        var received = new List<ChatStreamChunk>();

        var ex = await Assert.ThrowsAsync<ArbiterException>(async () =>
        {
            await foreach (var chunk in Provider().StreamAsync(Request(true), UpstreamModel, CancellationToken.None)) received.Add(chunk);
        });

        Assert.Single(received);
        Assert.Equal(expected, ex.Error.Kind);
        Assert.Equal("fake-provider", ex.Error.Provider);
        Assert.StartsWith($"provider 'fake-provider' reported an error mid-stream: {status}", ex.Error.Message);
    }
}
