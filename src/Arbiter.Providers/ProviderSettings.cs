using Arbiter.Core.Config;

namespace Arbiter.Providers;

/// <summary>A provider's configuration with its secrets resolved: what an adapter is constructed from.</summary>
public sealed record ProviderSettings
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    /// <summary>Base URL without a trailing slash.</summary>
    public required string BaseUrl { get; init; }
    public string? ApiKey { get; init; }
    public string? ApiVersion { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    /// <summary>The key and every header value that came from an <c>env:</c> reference: scrubbed from any upstream text.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    public static ProviderSettings Resolve(string name, ProviderConfig config, string defaultBaseUrl, Func<string, string?> environment)
    {
        var apiKey = SecretReference.Resolve(config.ApiKey, environment);
        var headers = config.Headers?.Select(h => new KeyValuePair<string, string>(h.Key,
            SecretReference.IsReference(h.Value) ? SecretReference.Resolve(h.Value, environment) ?? "" : h.Value)).ToList() ?? [];
        var secrets = config.Headers?.Where(h => SecretReference.IsReference(h.Value))
            .Select(h => SecretReference.Resolve(h.Value, environment)).OfType<string>().ToList() ?? [];
        if (apiKey is not null) secrets.Add(apiKey);
        return new ProviderSettings
        {
            Name = name,
            Type = config.Type,
            BaseUrl = (config.BaseUrl ?? defaultBaseUrl).TrimEnd('/'),
            ApiKey = apiKey,
            ApiVersion = config.ApiVersion,
            Headers = headers,
            Secrets = secrets,
        };
    }

    /// <summary>Never prints the key or header values (they may be secrets): a record's default ToString prints every property.</summary>
    public override string ToString() => $"ProviderSettings {{ Name = {Name}, Type = {Type}, BaseUrl = {BaseUrl}, ApiKey = {(ApiKey is null ? "none" : "[redacted]")}, Headers = {Headers.Count} }}";

    /// <summary>Adds the configured extra headers to an upstream request.</summary>
    public void ApplyHeaders(HttpRequestMessage request)
    {
        foreach (var (k, v) in Headers) request.Headers.TryAddWithoutValidation(k, v);
    }
}
