using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Arbiter.Server.Tests.Accounting;

/// <summary>Keeps every log line (message and exception text) the host writes, for tests that scan them for secrets.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}
