using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace IncidentPlatform.Testing;

/// <summary>
/// Records the measurements of one meter made through one host's <see cref="IMeterFactory"/> (tests running in parallel
/// have their own hosts, so they never see each other's counts), with their tags.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    /// <summary>Starts recording the meter named <paramref name="meter"/> created by <paramref name="factory"/>.</summary>
    public MetricRecorder(IMeterFactory factory, string meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meter && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of the instrument's measurements whose tags include all of <paramref name="tags"/>.</summary>
    public double Total(string instrument, params (string Key, object? Value)[] tags) => _measurements
        .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))
        .Sum(m => m.Value);

    /// <summary>Takes one measurement of every observable instrument of the meter (their callbacks run now).</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
