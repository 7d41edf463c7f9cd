using Arbiter.Core.Config;

namespace Arbiter.Core.Tests.Config;

public sealed class SecretReferenceTests
{
    [Theory]
    [InlineData("env:OPENAI_API_KEY", true)]
    [InlineData("env:X", true)]
    [InlineData("env:", false)]
    [InlineData("ENV:X", false)]
    [InlineData("sk-abc", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsReference_Value_OnlyNonEmptyEnvReferences(string? value, bool expected)
    {
        Assert.Equal(expected, SecretReference.IsReference(value));
    }

    [Theory]
    [InlineData("env:OPENAI_API_KEY", "OPENAI_API_KEY")]
    [InlineData("sk-abc", null)]
    [InlineData("env:", null)]
    public void VariableOf_Value_NameOrNull(string value, string? expected)
    {
        Assert.Equal(expected, SecretReference.VariableOf(value));
    }

    [Theory]
    [InlineData("env:KEY", "secret-value", "secret-value")]
    [InlineData("env:KEY", "", null)]
    [InlineData("env:KEY", null, null)]
    [InlineData("env:OTHER", "secret-value", null)]
    [InlineData("KEY", "secret-value", null)]
    [InlineData(null, "secret-value", null)]
    public void Resolve_Reference_ValueOfVariableOrNull(string? reference, string? keyValue, string? expected)
    {
        Func<string, string?> env = name => name == "KEY" ? keyValue : null;

        Assert.Equal(expected, SecretReference.Resolve(reference, env));
    }
}
