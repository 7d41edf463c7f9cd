using System.CommandLine;
using Arbiter.Core.Config;
using Arbiter.Providers;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter config validate FILE</c> and <c>arbiter config default</c>.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "YAML configuration file" };
        var validate = new Command("validate", "Check a configuration file and list every problem with its key") { file };
        validate.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            try
            {
                var cfg = ConfigLoader.LoadFile(path);
                var errors = ConfigValidator.Validate(cfg, ProviderConfigRules.Check, Environment.GetEnvironmentVariable);
                if (errors.Count == 0)
                {
                    Console.WriteLine($"{path}: valid ({cfg.Providers.Count} providers, {cfg.Models.Count} models, {cfg.Routes.Count} routes)");
                    return 0;
                }
                Console.Error.WriteLine($"{path}: {errors.Count} problem(s)");
                foreach (var e in errors) Console.Error.WriteLine("  " + e);
                return 1;
            }
            catch (ConfigException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        var show = new Command("default", "Print the built-in default configuration");
        show.SetAction(_ => Console.Write(DefaultConfiguration.Yaml));
        return new Command("config", "Work with configuration files") { validate, show };
    }
}
