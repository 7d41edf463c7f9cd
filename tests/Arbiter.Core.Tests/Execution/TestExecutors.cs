using Arbiter.Core.Config;
using Arbiter.Core.Execution;

namespace Arbiter.Core.Tests.Execution;

/// <summary>Executors for tests that are about fallbacks between models, not retries on one.</summary>
internal static class TestExecutors
{
    public static readonly ResilienceConfig NoRetry = new()
    {
        Retry = new RetryConfig { PerError = new() { ["rate_limited"] = 0, ["upstream_error"] = 0, ["upstream_unavailable"] = 0 } },
        Seed = 1,
    };

    public static ChatExecutor WithoutRetries(TimeSpan callTimeout, TimeProvider? time = null) => new(NoRetry, callTimeout, time ?? TimeProvider.System);
}
