using Arbiter.Core.Config;
using Arbiter.Core.Providers;
using Arbiter.Providers.OpenAI;

namespace Arbiter.Providers;

/// <summary>What each provider type requires of its config entry: a known type, a base URL where there is no default, a key that is set.</summary>
public static class ProviderConfigRules
{
    public static IEnumerable<string> Check(string name, ProviderConfig p, Func<string, string?> environment)
    {
        var key = $"providers.{name}";
        if (string.IsNullOrEmpty(p.Type))
        {
            yield return $"{key}.type: required (one of {string.Join(", ", ProviderFactory.KnownTypes)})";
            yield break;
        }
        if (!ProviderFactory.IsKnownType(p.Type))
        {
            yield return $"{key}.type: unknown type '{p.Type}' (known: {string.Join(", ", ProviderFactory.KnownTypes)})";
            yield break;
        }
        if (p.Type == ProviderTypes.Simulated)
        {
            if (p.ApiKey is not null || p.BaseUrl is not null) yield return $"{key}: a simulated provider takes neither base_url nor api_key";
            yield break;
        }
        var requiresKey = p.Type is ProviderTypes.Anthropic or ProviderTypes.Gemini
            || (OpenAICompatibleProfiles.TryGet(p.Type, out var profile) && profile.RequiresKey);
        if (OpenAICompatibleProfiles.TryGet(p.Type, out var prof) && prof.DefaultBaseUrl is null && p.BaseUrl is null)
            yield return $"{key}.base_url: required for type {p.Type}";
        if (requiresKey && p.ApiKey is null)
            yield return $"{key}.api_key: required for type {p.Type} (write env:VARIABLE)";
        else if (SecretReference.VariableOf(p.ApiKey) is { } variable && string.IsNullOrEmpty(environment(variable)))
            yield return $"{key}.api_key: environment variable {variable} is not set";
        if (p.Seed is not null) yield return $"{key}.seed: only simulated providers take a seed";
    }
}
