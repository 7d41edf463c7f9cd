using System.Net;
using System.Text;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Tests.Http;

/// <summary>Chat requests reach the chat endpoint ahead of endpoint routing, on exactly the paths routing matched.</summary>
public sealed class ChatRouteTests
{
    [Theory]
    [InlineData("POST", "/v1/chat/completions", true)]
    [InlineData("POST", "/chat/completions", true)]
    [InlineData("POST", "/V1/Chat/Completions", true)]
    [InlineData("post", "/v1/chat/completions/", true)]
    [InlineData("GET", "/v1/chat/completions", false)]
    [InlineData("POST", "/v1/chat/completions//", false)]
    [InlineData("POST", "/v1/chat/completionsx", false)]
    [InlineData("POST", "/v1/chat/completions/x", false)]
    [InlineData("POST", "/v2/chat/completions", false)]
    [InlineData("POST", "/v1/chat", false)]
    [InlineData("POST", "/", false)]
    public void Matches_OnlyAPostToAChatPath(string method, string path, bool expected)
    {
        var ctx = new DefaultHttpContext();
        ctx.Request.Method = method;
        ctx.Request.Path = path;

        Assert.Equal(expected, ChatRoute.Matches(ctx.Request));
    }

    [Theory]
    [InlineData("/chat/completions")]
    [InlineData("/V1/CHAT/COMPLETIONS/")]
    public async Task Post_OnAnotherSpellingOfTheChatPath_IsAnswered(string path)
    {
        await using var host = await GatewayHost.StartYamlAsync(TestConfigs.FastSimulator);

        var response = await host.Http.PostAsync(path,
            new StringContent("""{"model":"cheap","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cheap", response.Headers.GetValues("x-arbiter-model").Single());
    }
}
