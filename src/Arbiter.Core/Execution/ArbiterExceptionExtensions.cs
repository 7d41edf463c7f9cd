using Arbiter.Core.Errors;

namespace Arbiter.Core.Execution;

internal static class ArbiterExceptionExtensions
{
    public static ArbiterException ToException(this ArbiterError error, Exception inner) => new(error, inner);
}
