using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Logs;

namespace IncidentPlatform.Detector.Anomalies;

/// <summary>One template series in an <see cref="AnomalyState"/>; <see cref="Counts"/> alternates bucket and count.</summary>
internal sealed record SeriesState(
    string Service, string TemplateId, string Template, LineLevel Level, IReadOnlyList<long> Counts, bool PendingNew,
    long LastSeen, long? LastSignal, Severity LastSeverity);
