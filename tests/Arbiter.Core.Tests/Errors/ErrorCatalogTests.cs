using Arbiter.Core.Errors;

namespace Arbiter.Core.Tests.Errors;

public sealed class ErrorCatalogTests
{
    [Theory]
    [InlineData(ErrorKind.InvalidRequest, 400)]
    [InlineData(ErrorKind.ContextWindowExceeded, 400)]
    [InlineData(ErrorKind.ContentFiltered, 400)]
    [InlineData(ErrorKind.UpstreamBadRequest, 400)]
    [InlineData(ErrorKind.Unauthorized, 401)]
    [InlineData(ErrorKind.ModelNotFound, 404)]
    [InlineData(ErrorKind.NotFound, 404)]
    [InlineData(ErrorKind.PayloadTooLarge, 413)]
    [InlineData(ErrorKind.RateLimited, 429)]
    [InlineData(ErrorKind.UpstreamAuth, 502)]
    [InlineData(ErrorKind.UpstreamError, 502)]
    [InlineData(ErrorKind.UpstreamUnavailable, 502)]
    [InlineData(ErrorKind.UpstreamTimeout, 504)]
    [InlineData(ErrorKind.Internal, 500)]
    public void StatusOf_Kind_MapsToDocumentedStatus(ErrorKind kind, int status)
    {
        Assert.Equal(status, ErrorCatalog.StatusOf(kind));
        Assert.Equal(status, new ArbiterError(kind, "x").HttpStatus);
    }

    [Fact]
    public void StatusOf_EveryKind_IsAnErrorStatusAndOnlyInternalIs500()
    {
        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            var status = ErrorCatalog.StatusOf(kind);
            Assert.InRange(status, 400, 599);
            Assert.Equal(kind == ErrorKind.Internal, status == 500);
        }
    }

    [Theory]
    [InlineData(ErrorKind.InvalidRequest)]
    [InlineData(ErrorKind.ModelNotFound)]
    [InlineData(ErrorKind.NotFound)]
    [InlineData(ErrorKind.Unauthorized)]
    [InlineData(ErrorKind.PayloadTooLarge)]
    [InlineData(ErrorKind.ContextWindowExceeded)]
    [InlineData(ErrorKind.ContentFiltered)]
    public void StatusOf_ClientMistake_Is4xx(ErrorKind kind)
    {
        Assert.InRange(ErrorCatalog.StatusOf(kind), 400, 499);
        Assert.DoesNotContain(ErrorCatalog.TypeOf(kind), new[] { "server_error", "upstream_error" });
        Assert.False(ErrorCatalog.IsRetryable(kind));
    }

    [Theory]
    [InlineData(ErrorKind.RateLimited, true)]
    [InlineData(ErrorKind.UpstreamError, true)]
    [InlineData(ErrorKind.UpstreamTimeout, true)]
    [InlineData(ErrorKind.UpstreamUnavailable, true)]
    [InlineData(ErrorKind.UpstreamAuth, true)]
    [InlineData(ErrorKind.UpstreamBadRequest, false)]
    [InlineData(ErrorKind.InvalidRequest, false)]
    [InlineData(ErrorKind.ContextWindowExceeded, false)]
    [InlineData(ErrorKind.ContentFiltered, false)]
    [InlineData(ErrorKind.ModelNotFound, false)]
    [InlineData(ErrorKind.NotFound, false)]
    [InlineData(ErrorKind.Unauthorized, false)]
    [InlineData(ErrorKind.PayloadTooLarge, false)]
    [InlineData(ErrorKind.Internal, false)]
    public void IsRetryable_Kind_OnlyUpstreamAndRateLimitFailures(ErrorKind kind, bool retryable)
    {
        Assert.Equal(retryable, ErrorCatalog.IsRetryable(kind));
    }

    [Theory]
    [InlineData(ErrorKind.InvalidRequest, "invalid_request_error", null)]
    [InlineData(ErrorKind.ModelNotFound, "invalid_request_error", "model_not_found")]
    [InlineData(ErrorKind.Unauthorized, "authentication_error", "invalid_api_key")]
    [InlineData(ErrorKind.RateLimited, "rate_limit_error", "rate_limit_exceeded")]
    [InlineData(ErrorKind.ContextWindowExceeded, "invalid_request_error", "context_length_exceeded")]
    [InlineData(ErrorKind.UpstreamAuth, "upstream_error", "upstream_auth_failed")]
    [InlineData(ErrorKind.UpstreamError, "upstream_error", null)]
    [InlineData(ErrorKind.Internal, "server_error", null)]
    public void TypeOfAndDefaultCodeOf_Kind_OpenAIVocabulary(ErrorKind kind, string type, string? code)
    {
        Assert.Equal(type, ErrorCatalog.TypeOf(kind));
        Assert.Equal(code, ErrorCatalog.DefaultCodeOf(kind));
    }

    [Fact]
    public void ToException_CarriesTheErrorAndMessage()
    {
        var error = new ArbiterError(ErrorKind.NotFound, "no such thing") { Param = "id" };

        var ex = error.ToException();

        Assert.Same(error, ex.Error);
        Assert.Equal("no such thing", ex.Message);
    }
}
