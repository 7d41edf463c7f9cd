namespace Arbiter.Providers.Http;

/// <summary>
/// What every call an adapter makes shares: the HTTP sender, the provider's name (in errors), its secrets (scrubbed
/// from upstream error text), the clock (Retry-After dates) and, for providers that put details in error bodies, how
/// to refine the generic error from the body.
/// </summary>
internal sealed record UpstreamTarget(HttpMessageInvoker Http, string Provider, IReadOnlyList<string> Secrets, TimeProvider Time,
    UpstreamCall.ErrorRefiner? Refine = null)
{
    public static UpstreamTarget Of(ProviderSettings settings, ProviderContext context, UpstreamCall.ErrorRefiner? refine = null) =>
        new(context.Http, settings.Name, settings.Secrets, context.Time, refine);
}
