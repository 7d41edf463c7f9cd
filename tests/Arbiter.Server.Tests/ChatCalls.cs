using System.Net.Http.Json;
using System.Text;

namespace Arbiter.Server.Tests;

/// <summary>Plain HTTP chat calls for tests that need the status and request id rather than an SDK object.</summary>
public static class ChatCalls
{
    public static async Task<(int Status, string RequestId)> SendAsync(HttpClient http, string model, bool stream = false, string text = "Hello", string? key = null)
    {
        var body = $$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},"stream_options":{{(stream ? """{"include_usage":true}""" : "null")}},"messages":[{"role":"user","content":"{{text}}"}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsStringAsync(); // a stream is read to its end
        return ((int)response.StatusCode, response.Headers.GetValues("x-request-id").Single());
    }

    public static Task<HttpResponseMessage> FeedbackAsync(HttpClient http, string json, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/feedback") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        return http.SendAsync(request);
    }

    /// <summary>Issues a virtual key through the admin API with the master key; returns its plaintext.</summary>
    public static async Task<string> CreateKeyAsync(HttpClient http, string masterKey, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/keys") { Content = JsonContent.Create(new { name }) };
        request.Headers.Authorization = new("Bearer", masterKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("key").GetString()!;
    }

    public static async Task<System.Text.Json.JsonElement> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error");
}
