using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Arbiter.Core.Config;

/// <summary>Reads YAML (snake_case keys) into an <see cref="ArbiterConfig"/>; syntax and unknown keys are reported with line and column.</summary>
public static class ConfigLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static ArbiterConfig LoadFile(string path)
    {
        if (!File.Exists(path)) throw new ConfigException([$"{path}: file not found"]);
        return Parse(File.ReadAllText(path), path);
    }

    public static ArbiterConfig Parse(string yaml, string sourceName = "config")
    {
        try
        {
            return Deserializer.Deserialize<ArbiterConfig?>(yaml) ?? new ArbiterConfig();
        }
        catch (YamlException ex)
        {
            throw new ConfigException([$"{sourceName}:{ex.Start.Line}:{ex.Start.Column}: {Describe(ex)}"]);
        }
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet wraps the useful message ("Property 'x' not found on type ...") one level down.
        var inner = ex.InnerException?.Message ?? ex.Message;
        var message = inner.Contains("not found on type", StringComparison.Ordinal)
            ? "unknown key " + inner[(inner.IndexOf('\'') is var i && i >= 0 ? i : 0)..].Split(" not found")[0]
            : inner;
        return message.Replace("\r", "").Replace("\n", " ");
    }
}
