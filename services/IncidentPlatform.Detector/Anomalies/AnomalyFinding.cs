using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Anomalies;

/// <summary>Why a template of one closed bucket signals, with everything its evidence carries.</summary>
internal sealed record AnomalyFinding(
    string SourceId,
    TemplateSeries Series,
    SignalKind Kind,
    Severity Severity,
    int Count,
    BaselineVerdict Baseline,
    TemplateThreshold? Threshold,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    IReadOnlyList<string> Samples);
