namespace Arbiter.Core.Config;

/// <summary>The configuration is invalid; <see cref="Errors"/> lists every problem as "key.path: what is wrong".</summary>
public sealed class ConfigException(IReadOnlyList<string> errors)
    : Exception("invalid configuration:\n  " + string.Join("\n  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
