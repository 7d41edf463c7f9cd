namespace Arbiter.Core.Config;

/// <summary>
/// Secrets in config are references (<c>env:NAME</c>), never values, so a config file can be committed and
/// printed safely. Only <c>env:</c> is supported today.
/// </summary>
public static class SecretReference
{
    public const string EnvPrefix = "env:";

    public static bool IsReference(string? value) =>
        value is not null && value.StartsWith(EnvPrefix, StringComparison.Ordinal) && value.Length > EnvPrefix.Length;

    /// <summary>The variable's name for a reference, null for anything else.</summary>
    public static string? VariableOf(string? value) => IsReference(value) ? value![EnvPrefix.Length..] : null;

    /// <summary>The secret's value, or null when the variable is unset or empty.</summary>
    public static string? Resolve(string? reference, Func<string, string?> environment) =>
        VariableOf(reference) is { } name && environment(name) is { Length: > 0 } value ? value : null;
}
