using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.RequestLog;
using Arbiter.Core.Telemetry;
using Arbiter.Providers;
using Arbiter.Server.Admin;
using Arbiter.Server.Auth;
using Arbiter.Server.Endpoints;
using Arbiter.Server.Hosting;
using Arbiter.Server.Http;
using Arbiter.Server.Orchestration;
using Arbiter.Server.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Arbiter.Server;

/// <summary>Builds the gateway's web host: Kestrel on 127.0.0.1, the OpenAI-compatible endpoints, health probes.</summary>
public static class ArbiterServer
{
    /// <summary>Validates the configuration (throwing <see cref="ConfigException"/>) and builds the host.</summary>
    /// <param name="configure">Last changes to the builder (tests swap in the in-process test server).</param>
    public static WebApplication Build(ArbiterServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var config = options.Config;
        ConfigValidator.ThrowIfInvalid(config, ProviderConfigRules.Check, options.Environment);

        // Arbiter reads no appsettings.json, but the default host watches for one in the content root (the working
        // directory) and its subfolders, so every write to ./data/arbiter.db woke a watcher thread (inotify read, lstat)
        // and cost CPU per logged request under load.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        // With inline I/O a full log queue must never block the socket thread: under a flood of warnings
        // (an upstream down), lines are dropped rather than requests stalled.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // With this category enabled at any level, ASP.NET Core starts an Activity for every request (for log
        // scopes), and HttpClient then starts another per upstream call. Arbiter logs its own request lines.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        if (config.Server.InlineIo) builder.WebHost.UseSockets(s => s.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = config.Server.MaxBodyBytes;
            k.AddServerHeader = false;
            k.Listen(System.Net.IPAddress.Loopback, options.Port ?? config.Server.Port);
        });

        var http = UpstreamHttp.Create(options.UpstreamHandler, TimeSpan.FromSeconds(config.Resilience.Timeouts.ConnectSeconds));
        var access = GatewayAccessSetup.Create(builder, options);
        var store = access.Storage.Requests;
        builder.Services.AddSingleton(sp => new GatewayRuntime(config, new ProviderContext(http, options.Time, options.Environment), store,
            ex => sp.GetRequiredService<ILoggerFactory>().CreateLogger("Arbiter.RequestLog").LogError(ex, "Could not store request records"),
            sp.GetRequiredService<GatewayMetrics>().Record));
        var spinner = new IdleSpinner(IdleSpinner.MicrosecondsFor(config.Server, Environment.ProcessorCount));
        builder.Services.AddSingleton(spinner);
        builder.Services.AddHostedService(_ => spinner);
        if (config.Server.NativeMemoryTrimSeconds > 0 && NativeMemoryTrimmer.PlatformTrim() is { } trim)
            builder.Services.AddHostedService(sp => new NativeMemoryTrimmer(TimeSpan.FromSeconds(config.Server.NativeMemoryTrimSeconds), trim,
                options.Time, sp.GetRequiredService<ILogger<NativeMemoryTrimmer>>()));
        builder.Services.AddSingleton<ChatCompletionsEndpoint>();
        OrchestrationEndpoints.AddServices(builder.Services);
        builder.Services.AddHostedService<RequestLogService>();
        ObservabilityServices.Add(builder, options);
        configure?.Invoke(builder);

        var app = builder.Build();
        var errorsLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Arbiter.Server");
        var chat = app.Services.GetRequiredService<ChatCompletionsEndpoint>();
        var runtime = app.Services.GetRequiredService<GatewayRuntime>();
        _ = app.Services.GetService<OwnedStorage>(); // created now so the container disposes it at shutdown
        // Chat requests go straight to their endpoint, which guards itself as UnhandledErrors guards the rest.
        app.Use((ctx, next) => ChatRoute.Matches(ctx.Request) ? chat.HandleAsync(ctx) : UnhandledErrors.HandleAsync(ctx, next, errorsLogger, spinner));
        app.UseRouting(); // here, after the chat requests have gone (ChatRoute says why)
        app.MapGet("/v1/models", ctx => ModelsEndpoint.HandleAsync(ctx, runtime));
        OrchestrationEndpoints.Map(app);
        app.MapGet("/healthz", ctx => WriteJsonAsync(ctx, """{"status":"ok"}"""));
        app.MapGet("/readyz", ctx => WriteJsonAsync(ctx, $$"""{"status":"ready","models":{{runtime.Models.All.Count()}},"providers":{{runtime.Providers.Count}}}"""));
        AdminEndpoints.Map(app, access);
        ObservabilityServices.Map(app, config);
        app.MapFallback(UnknownRoutes.HandleAsync);
        return app;
    }

    private static Task WriteJsonAsync(HttpContext ctx, string json)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json);
    }
}
