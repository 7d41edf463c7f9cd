namespace Arbiter.Core.RequestLog;

/// <summary>
/// What a batch handed to a store knows of the records queued behind it. A store that gives its thread away between
/// rows, to keep a core it shares with requests responsive, should stop doing so while the log is behind: under
/// saturation the thread got the core back only at the scheduler's next turn, the queue grew by thousands of records,
/// and their memory with it (measured in docs/performance.md).
/// </summary>
public interface IRequestLogBacklog
{
    /// <summary>More records wait behind this batch than the log lets pile up (<see cref="RequestLogQueue.BehindAt"/>).</summary>
    bool IsBehind { get; }
}
