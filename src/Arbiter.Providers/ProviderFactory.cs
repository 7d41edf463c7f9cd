using Arbiter.Core.Config;
using Arbiter.Core.Providers;
using Arbiter.Providers.OpenAI;
using Arbiter.Providers.Simulated;

namespace Arbiter.Providers;

/// <summary>The one registration point for adapters: builds the provider a config entry describes.</summary>
public static class ProviderFactory
{
    public const string AnthropicDefaultBaseUrl = "https://api.anthropic.com";
    public const string GeminiDefaultBaseUrl = "https://generativelanguage.googleapis.com";

    /// <summary>Every accepted <c>type:</c> value.</summary>
    public static IEnumerable<string> KnownTypes =>
        new[] { ProviderTypes.Anthropic, ProviderTypes.Gemini, ProviderTypes.Simulated }.Concat(OpenAICompatibleProfiles.ByName.Keys);

    public static bool IsKnownType(string type) => KnownTypes.Contains(type, StringComparer.Ordinal);

    /// <param name="models">The configured models (the simulator reads their simulation settings).</param>
    public static IChatProvider Create(string name, ProviderConfig config, IReadOnlyDictionary<string, ModelConfig> models, ProviderContext context)
    {
        switch (config.Type)
        {
            case ProviderTypes.Simulated:
                return new SimulatedChatProvider(name, config.Seed ?? 0, SimulatedModels.Of(name, models), context.Time);
            case ProviderTypes.Anthropic:
                return new Anthropic.AnthropicChatProvider(
                    ProviderSettings.Resolve(name, config, AnthropicDefaultBaseUrl, context.Environment), context);
            case ProviderTypes.Gemini:
                return new Gemini.GeminiChatProvider(
                    ProviderSettings.Resolve(name, config, GeminiDefaultBaseUrl, context.Environment), context);
        }
        if (!OpenAICompatibleProfiles.TryGet(config.Type, out var profile))
            throw new ArgumentException($"providers.{name}.type: unknown type '{config.Type}'");
        var settings = ProviderSettings.Resolve(name, config, profile.DefaultBaseUrl ?? "", context.Environment);
        return new OpenAIChatProvider(settings, profile, context);
    }
}
