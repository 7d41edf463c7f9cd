namespace Arbiter.Core.Providers;

/// <summary>
/// The wire protocols Arbiter speaks (<c>type:</c> of a provider in config). OpenAI-compatible vendors are
/// profiles of <see cref="OpenAI"/>: see <c>OpenAICompatibleProfiles</c> in Arbiter.Providers.
/// </summary>
public static class ProviderTypes
{
    public const string OpenAI = "openai";
    public const string Anthropic = "anthropic";
    public const string Gemini = "gemini";
    public const string Simulated = "simulated";
}
