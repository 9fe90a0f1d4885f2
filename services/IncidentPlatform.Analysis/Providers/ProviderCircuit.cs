using System.Globalization;
using IncidentPlatform.Analysis.Configuration;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Analysis.Providers;

/// <summary>
/// A circuit breaker per provider: after <c>Analysis:BreakAfterFailures</c> failed calls in a row (errors, timeouts)
/// the provider is skipped for <c>Analysis:BreakDuration</c>, so an outage costs one timeout per break instead of one
/// per analysis; then one call tries it again.
/// </summary>
internal sealed class ProviderCircuit(IOptions<AnalysisOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, (int Failures, DateTimeOffset OpenUntil)> _state = new(StringComparer.Ordinal);

    /// <summary>Why the provider is skipped now, or null when it may be called.</summary>
    public string? Skip(string provider)
    {
        lock (_state)
        {
            if (!_state.TryGetValue(provider, out var state) || state.OpenUntil <= time.GetUtcNow())
            {
                return null;
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"skipped after {state.Failures} failed calls in a row, until {state.OpenUntil:HH:mm:ss}Z");
        }
    }

    public void Succeeded(string provider)
    {
        lock (_state)
        {
            _state.Remove(provider);
        }
    }

    public void Failed(string provider)
    {
        var o = options.Value;
        lock (_state)
        {
            var failures = (_state.TryGetValue(provider, out var state) ? state.Failures : 0) + 1;
            var openUntil = failures >= o.BreakAfterFailures ? time.GetUtcNow() + o.BreakDuration : DateTimeOffset.MinValue;
            _state[provider] = (failures, openUntil);
        }
    }
}
