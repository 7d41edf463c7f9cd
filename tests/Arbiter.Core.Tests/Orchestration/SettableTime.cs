namespace Arbiter.Core.Tests.Orchestration;

/// <summary>A clock the test sets (the wall clock only; timers and timestamps stay real, so calls still run).</summary>
internal sealed class SettableTime : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
