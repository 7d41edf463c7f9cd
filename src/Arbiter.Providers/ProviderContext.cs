namespace Arbiter.Providers;

/// <summary>What every adapter is built with: one shared HTTP sender (pooled connections; an <see cref="HttpClient"/>
/// works too), injected time, and the environment through which <c>env:NAME</c> secret references are resolved.</summary>
public sealed record ProviderContext(HttpMessageInvoker Http, TimeProvider Time, Func<string, string?> Environment)
{
    public static ProviderContext Default(HttpMessageInvoker http) =>
        new(http, TimeProvider.System, System.Environment.GetEnvironmentVariable);
}
