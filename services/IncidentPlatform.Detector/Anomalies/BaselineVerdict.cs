namespace IncidentPlatform.Detector.Anomalies;

/// <summary>What <see cref="BaselineTest"/> found: whether it fires, and the baseline and spread it compared against
/// (null without history).</summary>
internal readonly record struct BaselineVerdict(bool Fires, double? Baseline, double? Spread);
