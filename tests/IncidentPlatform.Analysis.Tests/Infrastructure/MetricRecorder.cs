using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using IncidentPlatform.Analysis.Telemetry;

namespace IncidentPlatform.Analysis.Tests.Infrastructure;

/// <summary>Sums the measurements of the analysis meter made by one host's meter factory (tests running in parallel
/// have their own), by instrument name.</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _totals = new();

    public MetricRecorder(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AnalysisTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, t) => t + value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, t) => t + value));
        _listener.Start();
    }

    public double Total(string instrument) => _totals.GetValueOrDefault(instrument);

    public void Dispose() => _listener.Dispose();
}
