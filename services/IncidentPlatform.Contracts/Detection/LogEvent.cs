namespace IncidentPlatform.Contracts;

/// <summary>One log line from an external log stream (untrusted text).</summary>
public sealed record LogEvent
{
    /// <summary>When it was logged.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The line.</summary>
    public required string Message { get; init; }

    /// <summary>The sender's id for the event, when it has one.</summary>
    public string? Id { get; init; }
}
