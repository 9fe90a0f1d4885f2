namespace IncidentPlatform.Detector.Splunk;

/// <summary>One rule's polling state, for <c>/health</c>.</summary>
internal sealed record RuleStatus
{
    /// <summary>True while another replica holds the rule's lease.</summary>
    public bool Standby { get; init; }

    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>The end of the last window searched and raised.</summary>
    public DateTimeOffset? LastWindowEnd { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public string? LastError { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>Windows skipped after downtime beyond the catch-up limit, since start.</summary>
    public long SkippedWindows { get; init; }

    /// <summary>This replica's last search failed (a standby replica's old failure is not the rule's state).</summary>
    public bool Failing => !Standby && LastErrorAt is { } error && (LastSuccess is null || error >= LastSuccess);
}
