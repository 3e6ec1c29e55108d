using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Tests.Support;

/// <summary>A logger provider that keeps what one category logs at <paramref name="minimum"/> or above, for asserting on.</summary>
public sealed class LogLines(string category, LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _queue = new();

    public IReadOnlyList<(LogLevel Level, string Text)> Lines => [.. _queue];

    public ILogger CreateLogger(string categoryName) =>
        categoryName == category ? new Logger(_queue, minimum) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)> queue, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                queue.Enqueue((logLevel, formatter(state, exception)));
            }
        }
    }
}
