using System.CommandLine;
using Arbiter.Core.Config;
using Arbiter.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter serve [--port N] [--config FILE]</c>: runs the gateway on 127.0.0.1 until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = $"Port on 127.0.0.1 (default: the config's server.port, {ConfigDefaults.Port})" };
        var config = new Option<string?>("--config") { Description = "YAML configuration file (default: the built-in configuration with simulated models)" };
        var command = new Command("serve", "Run the gateway") { port, config };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(config);
            try
            {
                var cfg = ConfigSource.Load(path);
                var app = ArbiterServer.Build(new ArbiterServerOptions { Config = cfg, Port = parse.GetValue(port) });
                // After Build (which validated the config) and before the first socket opens.
                if (cfg.Server.InlineIo) InlineSocketCompletions.Enable();
                await app.StartAsync(ct);
                Console.WriteLine($"Arbiter listening on {string.Join(", ", app.Urls)} ({ConfigSource.Describe(path)}; {cfg.Models.Count} models, {cfg.Routes.Count} routes)");
                var access = app.Services.GetRequiredService<Arbiter.Server.Auth.GatewayAccess>();
                Console.WriteLine($"Storage: {access.Storage.Description}; virtual keys: {(access.AuthEnabled ? $"on ({access.Ring.ActiveKeys} active)" : "off (no auth.master_key)")}");
                await app.WaitForShutdownAsync(ct);
                return 0;
            }
            catch (ConfigException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
        });
        return command;
    }
}
