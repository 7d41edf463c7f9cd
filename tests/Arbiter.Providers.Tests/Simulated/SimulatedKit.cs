using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Providers;
using Arbiter.Providers.Tests.Conformance;

namespace Arbiter.Providers.Tests.Simulated;

/// <summary>Builds simulated providers as the gateway does (through <see cref="ProviderFactory"/>) and runs requests on them.</summary>
public static class SimulatedKit
{
    public const string ProviderName = "sim";
    /// <summary>The upstream id of the simulated model (its config key is <c>sim-model-key</c>).</summary>
    public const string Model = "sim-upstream-1";

    /// <summary>No time to first token and effectively instant generation: answers arrive without waiting.</summary>
    public static SimulationConfig Fast(int outputTokens = 40, double jitter = 0.2, double failureRate = 0) => new()
    {
        TtftMs = 0, TokensPerSecond = 1e9, OutputTokens = outputTokens, Jitter = jitter, FailureRate = failureRate,
    };

    public static IChatProvider Create(int seed = 1, SimulationConfig? sim = null, TimeProvider? time = null)
    {
        var models = new Dictionary<string, ModelConfig>
        {
            ["sim-model-key"] = new() { Provider = ProviderName, Model = Model, Simulation = sim ?? Fast() },
            ["other-providers-model"] = new() { Provider = "elsewhere", Model = "not-simulated-here" },
        };
        return ProviderFactory.Create(ProviderName, new ProviderConfig { Type = ProviderTypes.Simulated, Seed = seed }, models,
            new ProviderContext(TestProviders.Http, time ?? TimeProvider.System, _ => null));
    }

    public static ChatRequest Ask(string prompt, bool stream = false) => new()
    {
        Model = "sim-model-key",
        Messages = [ChatMessage.System("You are terse."), ChatMessage.User(prompt)],
        Stream = stream,
    };

    /// <summary>The answer, accumulated from the stream when the request streams, with the raw chunks.</summary>
    public static async Task<(ChatResponse Response, IReadOnlyList<ChatStreamChunk> Chunks)> RunAsync(
        IChatProvider provider, ChatRequest request, string model = Model)
    {
        if (!request.Stream) return (await provider.CompleteAsync(request, model, CancellationToken.None), []);
        var chunks = new List<ChatStreamChunk>();
        var acc = new ChatStreamAccumulator();
        await foreach (var chunk in provider.StreamAsync(request, model, CancellationToken.None))
        {
            chunks.Add(chunk);
            acc.Add(chunk);
        }
        return (acc.ToResponse(), chunks);
    }

    public static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
