namespace Arbiter.Providers;

/// <summary>What every adapter is built with: one shared HTTP client (pooled connections), injected time, and
/// the environment through which <c>env:NAME</c> secret references are resolved.</summary>
public sealed record ProviderContext(HttpClient Http, TimeProvider Time, Func<string, string?> Environment)
{
    public static ProviderContext Default(HttpClient http) =>
        new(http, TimeProvider.System, System.Environment.GetEnvironmentVariable);
}
