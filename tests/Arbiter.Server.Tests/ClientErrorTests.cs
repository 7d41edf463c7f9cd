using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Arbiter.Server.Tests;

/// <summary>Every client mistake gets a clear 4xx in the OpenAI error shape, never a 500.</summary>
public sealed class ClientErrorTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartYamlAsync(TestConfigs.FastSimulator.Replace("providers:", "server: { max_body_bytes: 2000 }\nproviders:"));
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("{\"model\":\"cheap\",", 400, null, "invalid_json")]
    [InlineData("", 400, null, "invalid_json")]
    [InlineData("[1,2]", 400, "body", "invalid_value")]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", 400, "model", "invalid_value")]
    [InlineData("{\"model\":42,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", 400, "model", "invalid_value")]
    [InlineData("{\"model\":\"cheap\",\"messages\":[]}", 400, "messages", "invalid_value")]
    [InlineData("{\"model\":\"cheap\",\"messages\":\"hi\"}", 400, "messages", "invalid_value")]
    [InlineData("{\"model\":\"cheap\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}", 400, "messages[0].role", "invalid_value")]
    [InlineData("{\"model\":\"cheap\",\"messages\":[{\"role\":\"user\",\"content\":5}]}", 400, "messages[0].content", "invalid_value")]
    [InlineData("{\"model\":\"cheap\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":\"hot\"}", 400, "temperature", "invalid_value")]
    [InlineData("{\"model\":\"cheap\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":-1}", 400, "max_tokens", "invalid_value")]
    [InlineData("{\"model\":\"cheap\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":\"yes\"}", 400, "stream", "invalid_value")]
    [InlineData("{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", 404, "model", "model_not_found")]
    [InlineData("{\"model\":\"cheap\",\"messages\":[{\"role\":\"user\",\"content\":\"hi \\ud800\"}]}", 400, null, "invalid_json")]
    [InlineData("{\"model\":\"cheap\",\"\\ud800x\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", 400, null, "invalid_json")]
    public async Task BadRequest_GetsTheRightStatusAndField(string body, int status, string? param, string code)
    {
        var response = await _host.Http.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
        Assert.Equal(param, error["param"]?.GetValue<string>());
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413()
    {
        var big = new string('a', 5000);
        var response = await _host.Http.PostAsync("/v1/chat/completions",
            new StringContent($$"""{"model":"cheap","messages":[{"role":"user","content":"{{big}}"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("payload_too_large", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task BodyOverTheLimit_Chunked_Is413()
    {
        var big = new string('a', 5000);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"model":"cheap","messages":[{"role":"user","content":"{{big}}"}]}""")));
        content.Headers.ContentType = new("application/json");

        var response = await _host.Http.PostAsync("/v1/chat/completions", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/v1/chat/completions", "POST")]
    [InlineData("DELETE", "/v1/chat/completions", "POST")]
    [InlineData("POST", "/v1/models", "GET")]
    public async Task WrongMethodOnAKnownPath_Is405WithAllow(string method, string path, string allow)
    {
        var response = await _host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(",", response.Content.Headers.Allow));
        Assert.Equal("method_not_allowed", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task LargeBody_ParsedOffTheIoThread_StillReadsFully()
    {
        await using var host = await GatewayHost.StartYamlAsync(TestConfigs.FastSimulator.Replace("providers:", "server: { max_body_bytes: 2000000 }\nproviders:"));
        var big = new string('x', 600_000);

        var response = await host.Http.PostAsync("/v1/chat/completions",
            new StringContent($$"""{"model":"cheap","messages":[{"role":"system","content":"{{big}}"},{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await host.RecordAsync(response.Headers.GetValues("x-request-id").Single());
        Assert.True(record.Usage!.InputTokens > 600_000 / 4, "the whole system prompt was read");
    }

    [Fact]
    public async Task UnknownPath_Is404InOpenAIShape()
    {
        var response = await _host.Http.GetAsync("/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["message"]);
    }

    [Fact]
    public async Task InvalidRequests_AreRecordedInTheLog()
    {
        var response = await _host.Http.PostAsync("/v1/chat/completions", new StringContent("{\"model\":\"cheap\",\"messages\":[]}", Encoding.UTF8, "application/json"));

        var record = await _host.RecordAsync(response.Headers.GetValues("x-request-id").Single());
        Assert.Equal(400, record.Status);
        Assert.Equal(Arbiter.Core.Errors.ErrorKind.InvalidRequest, record.ErrorKind);
    }
}
