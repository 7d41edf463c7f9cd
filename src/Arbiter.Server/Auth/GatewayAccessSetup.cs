using Arbiter.Core.Config;
using Arbiter.Core.Tokens;
using Arbiter.Server.Admin;
using Arbiter.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Arbiter.Server.Auth;

/// <summary>
/// Opens the storage (migrating it), loads keys and this month's spend, and registers what keeps them current
/// (key refresh, retention). Done before the host starts, so the first request already sees every key and budget.
/// </summary>
internal static class GatewayAccessSetup
{
    public static GatewayAccess Create(WebApplicationBuilder builder, ArbiterServerOptions options)
    {
        var config = options.Config;
        var storage = options.Storage ?? (options.RequestStore is { } requests ? ArbiterStorage.InMemory(requests) : Open(config, options.Environment));
        // Storage the host opened is the host's to close, after the request log's last flush (hosted services stop first).
        if (options.Storage is null) builder.Services.AddSingleton(_ => new OwnedStorage(storage));
        var access = new GatewayAccess(config, storage, options.Time, options.Environment);
        // Start-up I/O, off any synchronization context the caller may have.
        Task.Run(() => access.InitializeAsync(CancellationToken.None)).GetAwaiter().GetResult();
        if (access.AuthEnabled) TiktokenEstimator.Warm();
        builder.Services.AddSingleton(access);
        builder.Services.AddSingleton(config);
        builder.Services.AddHostedService<KeyRefreshService>();
        builder.Services.AddHostedService<RetentionService>();
        return access;
    }

    private static ArbiterStorage Open(ArbiterConfig config, Func<string, string?> environment)
    {
        try
        {
            return Task.Run(() => StorageFactory.OpenAsync(config.Storage, environment, CancellationToken.None)).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not ConfigException)
        {
            throw new ConfigException([$"storage: could not open the {config.Storage.Type} store: {ex.Message}"]);
        }
    }
}
