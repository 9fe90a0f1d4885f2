namespace IncidentPlatform.Contracts;

/// <summary>The measurements behind a detector signal: what was counted, against what, with sample lines.</summary>
public sealed record SignalEvidence
{
    /// <summary>Why the signal was raised.</summary>
    public required SignalKind Kind { get; init; }

    /// <summary>The detection rule, when a rule raised it.</summary>
    public string? Rule { get; init; }

    /// <summary>The stable id of the error template.</summary>
    public string? TemplateId { get; init; }

    /// <summary>The template text, variables masked (<c>Connection to &lt;IP&gt; timed out after &lt;NUM&gt; ms</c>).</summary>
    public string? Template { get; init; }

    /// <summary>Occurrences in the window.</summary>
    public required long Count { get; init; }

    /// <summary>The expected count for such a window (median of the recent history), when known.</summary>
    public double? Baseline { get; init; }

    /// <summary>The robust spread of the baseline (scaled median absolute deviation), when known.</summary>
    public double? Spread { get; init; }

    /// <summary>The static threshold that was crossed, for threshold signals.</summary>
    public double? Threshold { get; init; }

    /// <summary>Start of the counted window.</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>End of the counted window.</summary>
    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>A few of the lines counted, verbatim (untrusted text).</summary>
    public IReadOnlyList<string> SampleLines { get; init; } = [];
}
