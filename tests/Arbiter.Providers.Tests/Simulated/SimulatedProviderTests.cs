using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using static Arbiter.Providers.Tests.Simulated.SimulatedKit;

namespace Arbiter.Providers.Tests.Simulated;

/// <summary>The simulator's answers: deterministic per seed, labelled as simulated, sized by its settings, failing as configured.</summary>
public sealed class SimulatedProviderTests
{
    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_SameSeedSameRequest_IdenticalAnswer(bool stream)
    {
        var (a, _) = await RunAsync(Create(seed: 7), Ask("Summarise the plan.", stream));
        var (b, _) = await RunAsync(Create(seed: 7), Ask("Summarise the plan.", stream));

        Assert.False(string.IsNullOrEmpty(a.Choices[0].Message.Text));
        Assert.Equal(a.Choices[0].Message.Text, b.Choices[0].Message.Text);
        Assert.Equal(a.Usage, b.Usage);
        Assert.Equal(a.Choices[0].FinishReason, b.Choices[0].FinishReason);
    }

    [Fact]
    public async Task CompleteAsync_SameProviderAskedTwice_IdenticalAnswer()
    {
        var provider = Create(seed: 3);

        var (a, _) = await RunAsync(provider, Ask("Again?"));
        var (b, _) = await RunAsync(provider, Ask("Again?"));

        Assert.Equal(a.Choices[0].Message.Text, b.Choices[0].Message.Text);
        Assert.Equal(a.Usage, b.Usage);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_DifferentSeed_DifferentText(bool stream)
    {
        var (a, _) = await RunAsync(Create(seed: 1), Ask("Summarise the plan.", stream));
        var (b, _) = await RunAsync(Create(seed: 2), Ask("Summarise the plan.", stream));

        Assert.NotEqual(a.Choices[0].Message.Text, b.Choices[0].Message.Text);
    }

    [Fact]
    public async Task StreamAsync_PiecesConcatenated_EqualTheNonStreamedAnswer()
    {
        var provider = Create(seed: 11, sim: Fast(outputTokens: 60));

        var (whole, _) = await RunAsync(provider, Ask("Tell me about routing."));
        var (streamed, chunks) = await RunAsync(provider, Ask("Tell me about routing.", stream: true));

        Assert.True(chunks.Count(c => c.Choices.Any(ch => !string.IsNullOrEmpty(ch.Delta.Content))) > 1);
        Assert.Equal(whole.Choices[0].Message.Text, streamed.Choices[0].Message.Text);
        Assert.Equal(whole.Usage, streamed.Usage);
        Assert.Equal(whole.Choices[0].FinishReason, streamed.Choices[0].FinishReason);
    }

    [Fact]
    public async Task StreamAsync_Usage_IsOnTheLastChunkWhichHasNoChoices()
    {
        var (_, chunks) = await RunAsync(Create(), Ask("Count tokens.", stream: true));

        var last = chunks[^1];
        Assert.Empty(last.Choices);
        Assert.NotNull(last.Usage);
        Assert.True(last.Usage!.OutputTokens > 0);
        Assert.True(last.Usage.InputTokens > 0);
        Assert.All(chunks.Take(chunks.Count - 1), c => Assert.Null(c.Usage));
        Assert.Equal(FinishReason.Stop, chunks[^2].Choices.Single().FinishReason);
    }

    [Fact]
    public async Task CompleteAsync_Answer_IsLabelledSimulated()
    {
        var response = await Create().CompleteAsync(Ask("Who are you?"), Model, CancellationToken.None);

        Assert.Equal("true", response.ProviderMetadata!["simulated"]);
        Assert.Contains("simulator", response.SystemFingerprint);
        Assert.Equal(Model, response.Model);
        Assert.Equal(ChatRole.Assistant, response.Choices[0].Message.Role);
    }

    [Fact]
    public async Task StreamAsync_FirstChunk_IsLabelledSimulated()
    {
        var (_, chunks) = await RunAsync(Create(), Ask("Who are you?", stream: true));

        Assert.Equal("true", chunks[0].ProviderMetadata!["simulated"]);
        Assert.Equal(ChatRole.Assistant, chunks[0].Choices[0].Delta.Role);
        Assert.All(chunks, c => Assert.Contains("simulator", c.SystemFingerprint));
    }

    [Fact]
    public async Task CompleteAsync_OutputTokens_StayWithinTheJitterBand()
    {
        var provider = Create(seed: 5, sim: Fast(outputTokens: 100, jitter: 0.3));
        var counts = new List<long>();

        for (var i = 0; i < 60; i++)
            counts.Add((await provider.CompleteAsync(Ask($"question number {i}"), Model, CancellationToken.None)).Usage!.OutputTokens);

        Assert.All(counts, n => Assert.InRange(n, 70, 130));
        Assert.True(counts.Distinct().Count() > 5, "jitter should vary the length between prompts");
    }

    [Fact]
    public async Task CompleteAsync_NoJitter_ExactlyTheConfiguredTokens()
    {
        var response = await Create(sim: Fast(outputTokens: 33, jitter: 0)).CompleteAsync(Ask("Exact?"), Model, CancellationToken.None);

        Assert.Equal(33, response.Usage!.OutputTokens);
        Assert.Equal(FinishReason.Stop, response.Choices[0].FinishReason);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_MaxTokensBelowTheAnswer_FinishesWithLengthAtExactlyMaxTokens(bool stream)
    {
        var request = Ask("Write at length.", stream) with { MaxOutputTokens = 12 };

        var (response, _) = await RunAsync(Create(sim: Fast(outputTokens: 100)), request);

        Assert.Equal(FinishReason.Length, response.Choices[0].FinishReason);
        Assert.Equal(12, response.Usage!.OutputTokens);
    }

    [Fact]
    public async Task CompleteAsync_MaxTokensAboveTheAnswer_FinishesWithStop()
    {
        var request = Ask("Short please.") with { MaxOutputTokens = 1000 };

        var response = await Create(sim: Fast(outputTokens: 50)).CompleteAsync(request, Model, CancellationToken.None);

        Assert.Equal(FinishReason.Stop, response.Choices[0].FinishReason);
        Assert.InRange(response.Usage!.OutputTokens, 40, 60);
    }

    [Theory]
    [InlineData(false, "gpt-unknown")]
    [InlineData(true, "gpt-unknown")]
    [InlineData(false, "not-simulated-here")] // configured, but under another provider
    [InlineData(true, "sim-model-key")] // the config key, not the upstream id
    public async Task Run_UnknownUpstreamModel_ModelNotFoundNamingTheProvider(bool stream, string model)
    {
        var ex = await Assert.ThrowsAsync<ArbiterException>(() => RunAsync(Create(), Ask("hi", stream), model));

        Assert.Equal(ErrorKind.ModelNotFound, ex.Error.Kind);
        Assert.Equal(ProviderName, ex.Error.Provider);
        Assert.Contains($"'{ProviderName}'", ex.Error.Message);
        Assert.Contains(model, ex.Error.Message);
    }

    [Fact]
    public async Task CompleteAsync_LongerPrompt_LargerInputTokenEstimate()
    {
        var provider = Create();
        var shortPrompt = (await provider.CompleteAsync(Ask("Hi."), Model, CancellationToken.None)).Usage!.InputTokens;
        var longPrompt = (await provider.CompleteAsync(Ask(string.Concat(Enumerable.Repeat("route this request well ", 100))), Model, CancellationToken.None)).Usage!.InputTokens;
        var longer = (await provider.CompleteAsync(Ask(string.Concat(Enumerable.Repeat("route this request well ", 400))), Model, CancellationToken.None)).Usage!.InputTokens;

        Assert.True(shortPrompt > 0);
        Assert.True(longPrompt > shortPrompt + 400, $"{longPrompt} vs {shortPrompt}");
        Assert.True(longer > longPrompt + 1500, $"{longer} vs {longPrompt}");
    }
}
