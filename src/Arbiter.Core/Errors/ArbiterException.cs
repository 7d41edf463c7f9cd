namespace Arbiter.Core.Errors;

/// <summary>Carries an <see cref="ArbiterError"/> across async boundaries where a value cannot be returned.</summary>
public sealed class ArbiterException(ArbiterError error, Exception? inner = null)
    : Exception(error.Message, inner)
{
    public ArbiterError Error { get; } = error;
}
