using System.ClientModel;
using System.ClientModel.Primitives;
using Arbiter.Learning.Data;
using Arbiter.Learning.Training;
using OpenAI;
using OpenAI.Chat;

namespace Arbiter.Server.Tests.Learned;

/// <summary>
/// A <c>strategy: learned</c> route through the whole gateway: a router trained at start on generated outcomes
/// (cheap answers arithmetic well and poems badly; strong answers both) picks the model from the prompt text.
/// </summary>
public sealed class LearnedRouteThroughSdkTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arbiter-learned-gw-" + Guid.NewGuid().ToString("N"));
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        RouterTrainer.Train(Outcomes(), new RouterTrainerOptions { CharNgrams = 0, L2 = 0.1f }).Save(_dir);
        _host = await GatewayHost.StartYamlAsync($$"""
            providers:
              sim: { type: simulated, seed: 3 }
            models:
              cheap:  { provider: sim, price: { input: 0.10, output: 0.40 }, simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 5, jitter: 0 } }
              strong: { provider: sim, price: { input: 2.00, output: 8.00 }, simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 5, jitter: 0 } }
            routes:
              smart: { strategy: learned, model_dir: "{{_dir}}", lambda: 20000, margin: 0 }
            """);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("please add 12 and 30", false, "cheap")]
    [InlineData("please add 12 and 30", true, "cheap")]
    [InlineData("write a sonnet about the 7 stars", false, "strong")]
    [InlineData("write a sonnet about the 7 stars", true, "strong")]
    public async Task LearnedRoute_PromptText_ChoosesTheModel(string prompt, bool stream, string expected)
    {
        var capture = new LastResponsePolicy();
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri("http://localhost/v1"),
            Transport = new HttpClientPipelineTransport(_host.Http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        options.AddPolicy(capture, PipelinePosition.PerCall);
        var chat = new ChatClient("smart", new ApiKeyCredential("sk-client-key"), options);

        if (stream) await foreach (var _ in chat.CompleteChatStreamingAsync([new UserChatMessage(prompt)])) { }
        else await chat.CompleteChatAsync([new UserChatMessage(prompt)]);

        var headers = capture.Last!.Headers;
        Assert.True(headers.TryGetValue("x-arbiter-model", out var model));
        Assert.Equal(expected, model);
        Assert.True(headers.TryGetValue("x-arbiter-route", out var route));
        Assert.Equal("smart", route);
    }

    private static RoutingDataset Outcomes()
    {
        var random = new Random(5);
        var samples = new List<RoutingSample>();
        for (var i = 0; i < 160; i++)
        {
            var easy = i % 2 == 0;
            var text = easy ? $"please add {random.Next(100)} and {random.Next(100)}" : $"write a sonnet about the {random.Next(100)} stars";
            float cheap = random.NextDouble() < (easy ? 0.9 : 0.1) ? 1 : 0;
            float strong = random.NextDouble() < 0.92 ? 1 : 0;
            samples.Add(new RoutingSample($"s{i}", text, "", [cheap, strong], [1e-6, 20e-6]));
        }
        return new RoutingDataset(["cheap", "strong"], samples);
    }
}
