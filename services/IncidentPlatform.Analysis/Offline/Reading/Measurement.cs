namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>A resource's value and its threshold as a line states them (<c>/var/log is 93% full (threshold 80%)</c>).</summary>
/// <param name="Resource">What is measured.</param>
/// <param name="Value">The value, when the line gives one.</param>
/// <param name="Percent">True when the value is a percentage.</param>
/// <param name="Threshold">The threshold or the usual value, when the line gives one.</param>
/// <param name="LowIsWorse">True for free space, credits, available memory: running low is the problem.</param>
/// <param name="Strength">How clearly the resource is past its limit (0: not at all).</param>
/// <param name="Subject">A path the measurement is about (<c>/var/log</c>), when the line names one.</param>
internal sealed record Measurement(Resource Resource, double? Value, bool Percent, double? Threshold, bool LowIsWorse, double Strength, string? Subject);
