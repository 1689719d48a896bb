using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Platform.Tests.Redaction;

/// <summary>
/// A logging sink like any other, that keeps what it is given: the formatted message and every
/// state value as text. It copies inside Log() because the redaction pipeline pools its state.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Output { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(Output);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            output.Enqueue(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    output.Enqueue($"{key}={value}");
                }
            }
        }
    }
}
