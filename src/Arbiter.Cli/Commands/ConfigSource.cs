using Arbiter.Core.Config;

namespace Arbiter.Cli.Commands;

/// <summary>Where the configuration comes from: a YAML file, or the built-in default when none is given.</summary>
internal static class ConfigSource
{
    public static ArbiterConfig Load(string? path) =>
        path is null ? DefaultConfiguration.Build(Environment.GetEnvironmentVariable) : ConfigLoader.LoadFile(path);

    public static string Describe(string? path) => path ?? "built-in default configuration (simulated models)";
}
