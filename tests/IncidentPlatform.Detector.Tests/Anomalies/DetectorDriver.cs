using IncidentPlatform.Detector.Anomalies;
using IncidentPlatform.Detector.Logs;
using IncidentPlatform.Detector.Signals;
using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Anomalies;

/// <summary>Feeds an anomaly detector minute by minute through a real template miner, as a log source does.</summary>
internal sealed class DetectorDriver
{
    public DetectorDriver(AnomalyOptions? options = null, DateTimeOffset? start = null, AnomalyDetector? restored = null)
    {
        Options = options ?? new AnomalyOptions();
        Now = start ?? CorrelationFixture.T0;
        Detector = restored ?? new AnomalyDetector("test", AnomalySettings.For("test", Options), Now);
    }

    public AnomalyOptions Options { get; }

    public TemplateMiner Miner { get; init; } = new();

    public AnomalyDetector Detector { get; }

    public DateTimeOffset Now { get; private set; }

    public List<DetectorSignal> Signals { get; } = [];

    /// <summary>Logs <paramref name="count"/> records made by <paramref name="line"/> (given their index) now.</summary>
    public void Log(string service, Func<int, string> line, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var text = line(i);
            var match = Miner.Add(LineTimestamps.StripLeading(new LogRecord(text, service).FirstLine, out _));
            Detector.Observe(service, match, LineLevels.Detect(text), Now, text, Now);
        }
    }

    /// <summary>Moves to the next bucket (past the lateness) and closes what is due; returns the new signals.</summary>
    public IReadOnlyList<DetectorSignal> NextBucket()
    {
        Now = Detector.BucketStart(Detector.BucketOf(Now) + 1) + Options.Lateness + TimeSpan.FromSeconds(1);
        var signals = Detector.Close(Now);
        Signals.AddRange(signals);
        return signals;
    }
}
