using System.Text.Json;
using IncidentPlatform.Detector.Anomalies;
using IncidentPlatform.Detector.Signals;
using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.Detector.Telemetry;
using IncidentPlatform.Store;

namespace IncidentPlatform.Detector.Logs;

/// <summary>
/// One log source (a file glob, the demo, a CloudWatch log group's service): its own template miner and anomaly
/// detector, behind one lock, so that every source mines with the same default configuration but never shares a miner.
/// Records go through <see cref="ProcessAsync"/>; the pipeline closes buckets and saves the state.
/// </summary>
internal sealed class LogSource(string id, SavedMiner saved, AnomalyDetector anomalies, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TemplateMiner _miner = saved.Miner;
    private long _minerVersion = saved.Version;
    private long _savedChanges;
    private DateTimeOffset _templatesSavedAt = time.GetUtcNow();
    private bool _bucketsClosed;
    private bool _counted;
    private long _processed;

    public string Id { get; } = id;

    /// <summary>Records processed since the source was loaded.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    public static string CheckpointName(string sourceId) => $"anomaly:{sourceId}";

    /// <summary>Mines each record's first line (without its timestamp) and counts it for anomaly detection.</summary>
    public async Task ProcessAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        long created = 0, uncounted = 0;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            foreach (var record in records)
            {
                var content = LineTimestamps.StripLeading(record.FirstLine, out var logged);
                var match = _miner.Add(content);
                created += match.IsNew ? 1 : 0;
                var at = record.Timestamp ?? logged ?? now;
                if (!anomalies.Observe(record.Service, match, LineLevels.Detect(record.Text), at, record.Text, now))
                {
                    uncounted++;
                }
            }

            _counted = true;
            Interlocked.Add(ref _processed, records.Count);
        }
        finally
        {
            _gate.Release();
        }

        var source = new KeyValuePair<string, object?>("source", Id);
        DetectorTelemetry.LinesProcessed.Add(records.Count, source);
        DetectorTelemetry.TemplatesCreated.Add(created, source);
        DetectorTelemetry.LinesUncounted.Add(uncounted, source);
    }

    /// <summary>Judges the buckets that are due; returns their signals.</summary>
    public async Task<IReadOnlyList<DetectorSignal>> CloseAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var watermark = anomalies.Watermark;
            var signals = anomalies.Close(time.GetUtcNow());
            _bucketsClosed |= anomalies.Watermark != watermark;
            return signals;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Saves the templates when they changed (at most every <paramref name="templateInterval"/> unless
    /// <paramref name="force"/>), and the anomaly state when buckets closed (once a bucket; forced, also the counts of
    /// the open buckets).
    /// </summary>
    public async Task SaveAsync(
        TemplateStateRepository templates, ICheckpointStore checkpoints, TimeSpan templateInterval, bool force,
        CancellationToken cancellationToken)
    {
        string? state = null;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_miner.ChangeCount != _savedChanges && (force || now - _templatesSavedAt >= templateInterval))
            {
                _minerVersion = await templates.SaveAsync(Id, _miner, _minerVersion, cancellationToken);
                _savedChanges = _miner.ChangeCount;
                _templatesSavedAt = now;
            }

            if (_bucketsClosed || (force && _counted))
            {
                state = JsonSerializer.Serialize(anomalies.ToState(), AnomalyJsonContext.Default.AnomalyState);
                (_bucketsClosed, _counted) = (false, false);
            }
        }
        finally
        {
            _gate.Release();
        }

        if (state is not null)
        {
            try
            {
                await checkpoints.SetAsync(CheckpointName(Id), state, cancellationToken);
            }
            catch
            {
                _bucketsClosed = true;
                throw;
            }
        }
    }
}
