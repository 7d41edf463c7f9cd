using System.Net.Http.Json;
using System.Text;

namespace Arbiter.Server.Tests;

/// <summary>Plain HTTP chat calls for tests that need the status and request id rather than an SDK object.</summary>
public static class ChatCalls
{
    public static async Task<(int Status, string RequestId)> SendAsync(HttpClient http, string model, bool stream = false, string text = "Hello")
    {
        var body = $$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},"stream_options":{{(stream ? """{"include_usage":true}""" : "null")}},"messages":[{"role":"user","content":"{{text}}"}]}""";
        using var response = await http.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        await response.Content.ReadAsStringAsync(); // a stream is read to its end
        return ((int)response.StatusCode, response.Headers.GetValues("x-request-id").Single());
    }

    public static Task<HttpResponseMessage> FeedbackAsync(HttpClient http, string json) =>
        http.PostAsync("/v1/feedback", new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<System.Text.Json.JsonElement> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error");
}
