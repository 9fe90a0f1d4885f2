using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Testing.Telemetry;

/// <summary>
/// Everything a process would hand to its log and trace exporters, as text to search: every log line at any level
/// (message, each structured value, each scope, the exception) from the hosts it is added to as a logger provider, and
/// every span of any source in the process that ended (name, attributes, events), read when asked for, so after every
/// listener — the exporters' processors included — had it. Dispose it to stop listening.
/// </summary>
public sealed class CapturedTelemetry : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;
    private IExternalScopeProvider? _scopes;

    /// <summary>Starts listening to every span of the process.</summary>
    public CapturedTelemetry()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The log lines so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>The spans so far.</summary>
    public IReadOnlyList<string> Spans => [.. _spans.Select(Describe)];

    /// <summary>The log lines and spans that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Containing(string text) =>
        [.. Lines.Concat(Spans).Where(t => t.Contains(text, StringComparison.OrdinalIgnoreCase))];

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private static string Describe(Activity activity)
    {
        var tags = activity.TagObjects.Select(t => $"{t.Key}={t.Value}");
        var events = activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}.{t.Key}={t.Value}").Prepend(e.Name));
        return $"span {activity.Source.Name} {activity.DisplayName} [{string.Join(", ", tags.Concat(events))}]";
    }

    private sealed class Logger(CapturedTelemetry owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new List<string> { $"{category} {logLevel}: {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            owner._scopes?.ForEachScope((scope, parts) => parts.Add($"scope: {scope}"), line);
            if (exception is not null)
            {
                line.Add(exception.ToString());
            }

            owner._lines.Enqueue(string.Join(" | ", line));
        }
    }
}
