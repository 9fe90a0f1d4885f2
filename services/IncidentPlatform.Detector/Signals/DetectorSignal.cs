using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Signals;

/// <summary>
/// A signal the detector raised from a log source or a search, before it becomes an <see cref="Alert"/>: what was
/// measured (<see cref="Evidence"/>) and the keys that make its alert id and fingerprint stable.
/// </summary>
internal sealed record DetectorSignal
{
    /// <summary>The alert source: <c>splunk</c>, <c>logs</c>.</summary>
    public required string Source { get; init; }

    public required string Service { get; init; }

    public required Severity Severity { get; init; }

    public required string Title { get; init; }

    public required string Message { get; init; }

    public required SignalEvidence Evidence { get; init; }

    /// <summary>What stays the same for every signal of one problem (rule + service, service + template).</summary>
    public required string FingerprintKey { get; init; }

    /// <summary>What identifies this one signal (the above + its window), so raising it again is idempotent.</summary>
    public required string IdKey { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
