using Arbiter.Core.Providers;
using Arbiter.Core.Tokens;

namespace Arbiter.Core.Tests.Tokens;

public sealed class TokenFamiliesTests
{
    [Theory]
    [InlineData("gpt-4o", ProviderTypes.OpenAI, "openai-o200k")]
    [InlineData("gpt-4o-mini-2024-07-18", ProviderTypes.OpenAI, "openai-o200k")]
    [InlineData("gpt-4.1-nano", ProviderTypes.OpenAI, "openai-o200k")]
    [InlineData("gpt-5", ProviderTypes.OpenAI, "openai-o200k")]
    [InlineData("o3", ProviderTypes.OpenAI, "openai-o200k")]
    [InlineData("o4-mini", ProviderTypes.OpenAI, "openai-o200k")]
    [InlineData("openai/gpt-4o", ProviderTypes.OpenAI, "openai-o200k")]
    [InlineData("gpt-4", ProviderTypes.OpenAI, "openai-cl100k")]
    [InlineData("gpt-4-turbo", ProviderTypes.OpenAI, "openai-cl100k")]
    [InlineData("gpt-3.5-turbo", ProviderTypes.OpenAI, "openai-cl100k")]
    [InlineData("claude-sonnet-4-5", ProviderTypes.Anthropic, "claude")]
    [InlineData("anthropic/claude-3.5-haiku", ProviderTypes.OpenAI, "claude")]
    [InlineData("my-azure-deployment", ProviderTypes.Anthropic, "claude")]
    [InlineData("gemini-2.5-pro", ProviderTypes.Gemini, "gemini")]
    [InlineData("models/gemini-2.0-flash", ProviderTypes.Gemini, "gemini")]
    [InlineData("deepseek-chat", ProviderTypes.OpenAI, "other")]
    [InlineData("llama3.1:70b", ProviderTypes.OpenAI, "other")]
    [InlineData("sim-fast", ProviderTypes.Simulated, "openai-o200k")]
    public void Of_ModelId_PicksFamily(string model, string providerType, string expected)
    {
        Assert.Equal(expected, TokenFamilies.Of(model, providerType).Name);
    }

    [Fact]
    public void Of_OpenAIFamilies_AreExact()
    {
        Assert.True(TokenFamilies.OpenAIO200k.IsExact);
        Assert.True(TokenFamilies.OpenAICl100k.IsExact);
        Assert.False(TokenFamilies.Claude.IsExact);
    }
}
