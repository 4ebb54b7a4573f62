using Microsoft.Extensions.Logging;

namespace SocialPlanner.Tests.Infrastructure;

/// <summary>Receives the resources' console output, which Aspire.Hosting.Testing forwards to the AppHost's logging
/// under the category <c>{AppHost}.Resources.{resource}</c>, as "[resource] line".</summary>
public sealed class ResourceLogSink(Action<string> sink) : ILoggerProvider
{
    private const string Marker = ".Resources.";

    public ILogger CreateLogger(string categoryName)
    {
        var at = categoryName.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance : new Sink(categoryName[(at + Marker.Length)..], sink);
    }

    public void Dispose()
    {
    }

    private sealed class Sink(string resource, Action<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink($"[{resource}] {formatter(state, exception)}");
    }
}
