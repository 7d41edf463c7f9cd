using Arbiter.Core.Errors;

namespace Arbiter.Core.Budgets;

/// <summary>Why a request, or an extra call, was not allowed; becomes a 429 in the OpenAI error shape.</summary>
public sealed record Refusal(string Message, string Code, TimeSpan? RetryAfter)
{
    public const string BudgetExceeded = "budget_exceeded";
    public const string RateLimitExceeded = "rate_limit_exceeded";
    public const string RequestCostCap = "request_cost_cap";

    public static Refusal Budget(string message, TimeSpan? retryAfter) => new(message, BudgetExceeded, retryAfter);
    public static Refusal Rate(string message, TimeSpan retryAfter) => new(message, RateLimitExceeded, retryAfter);

    public ArbiterError ToError() => new(ErrorKind.RateLimited, Message) { Code = Code, RetryAfter = RetryAfter };
}
