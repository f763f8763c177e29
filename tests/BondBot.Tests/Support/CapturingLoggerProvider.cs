using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BondBot.Tests.Support;

/// <summary>
/// A logger provider that keeps every line with the scopes it was written in, as a console showing scopes would
/// print them. Registered through <c>BotHarness.StartAsync(configure: ...)</c>; it sees Information and above
/// whatever the harness's minimum level.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public sealed record Line(string Category, LogLevel Level, string Message, IReadOnlyList<string> Scopes, IReadOnlyDictionary<string, object?> ScopeValues)
    {
        public string Scope(string key) => ScopeValues.TryGetValue(key, out var v) ? v?.ToString() ?? "" : "";
        public override string ToString() => $"{Level} {Category}: {Message} => {string.Join(" => ", Scopes)}";
    }

    public ConcurrentQueue<Line> Lines { get; } = new();

    public static CapturingLoggerProvider AddTo(IServiceCollection services)
    {
        var provider = new CapturingLoggerProvider();
        services.AddSingleton<ILoggerProvider>(provider);
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(CapturingLoggerProvider).FullName, null, LogLevel.Information, null)));
        return provider;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            var values = new Dictionary<string, object?>();
            owner._scopes.ForEachScope((scope, _) =>
            {
                scopes.Add(scope?.ToString() ?? "");
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, value) in pairs)
                        values[key] = value;
            }, (object?)null);
            owner.Lines.Enqueue(new Line(category, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception), scopes, values));
        }
    }
}
