using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BondBot.Tests.Support;

/// <summary>
/// Every error any BondBot host in this test process logged, kept so a test that meets BondBot's apology
/// ("something went wrong") can say why: the router logs the exception with the interaction's id, and
/// <see cref="EndToEnd.World.ReplyAsync"/> fails with those lines. Process-wide because the handler that threw runs
/// inside the host, where no test output reaches; lines are matched by interaction id, so parallel tests don't mix.
/// </summary>
public static class HostErrorLog
{
    private const int Kept = 2000;
    private static readonly ConcurrentQueue<string> Lines = new();

    public static void AddTo(IServiceCollection services) => services.AddSingleton<ILoggerProvider, Provider>();

    /// <summary>The errors logged so far that mention <paramref name="needle"/> (an interaction id, say).</summary>
    public static IReadOnlyList<string> Mentioning(string needle) => Lines.Where(l => l.Contains(needle, StringComparison.Ordinal)).ToList();

    private static void Add(string line)
    {
        Lines.Enqueue(line);
        while (Lines.Count > Kept && Lines.TryDequeue(out _)) { }
    }

    private sealed class Provider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName);
        public void Dispose() { }
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
        }
    }
}
