using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Arbiter.Core.Config;

/// <summary>
/// Reads YAML (snake_case keys) into an <see cref="ArbiterConfig"/>; syntax errors, unknown and duplicate keys are
/// reported with line and column. Empty entries load as nulls, which <see cref="ConfigValidator"/> reports by key.
/// </summary>
public static class ConfigLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
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
            // The deserializer reports a duplicate dictionary key at its mapping, and some syntax errors (an unclosed
            // flow mapping) as "Operation is not valid..."; a plain pass over the events finds the exact spot and cause.
            var vague = ex.Message.StartsWith("Encountered duplicate key", StringComparison.Ordinal)
                || ex.InnerException is InvalidOperationException;
            var (at, message) = (vague ? YamlEventScan.FirstProblem(yaml) : null) ?? (ex.Start, Describe(ex));
            throw new ConfigException([$"{sourceName}:{at.Line}:{at.Column}: {message}"]);
        }
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet wraps the useful message ("Property 'x' not found on type ...") one level down.
        var inner = ex.InnerException?.Message ?? ex.Message;
        var message = inner.Contains("not found on type", StringComparison.Ordinal)
            ? "unknown key " + inner[(inner.IndexOf('\'') is var i && i >= 0 ? i : 0)..].Split(" not found")[0]
            : inner;
        return OneLine(message);
    }

    internal static string OneLine(string message) => message.Replace("\r", "").Replace("\n", " ");
}
