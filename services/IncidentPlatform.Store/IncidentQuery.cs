using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store;

/// <summary>A filter and a page over incidents. Filters combine with AND.</summary>
public sealed record IncidentQuery
{
    /// <summary>Only this status.</summary>
    public IncidentStatus? Status { get; init; }

    /// <summary>Only this service (exact).</summary>
    public string? Service { get; init; }

    /// <summary>Only this severity or worse.</summary>
    public Severity? MinSeverity { get; init; }

    /// <summary>Only incidents updated (<see cref="Incident.UpdatedAt"/>) at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only incidents updated before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Case-insensitive text contained in the title, service or id (null or empty: no filter).</summary>
    public string? Text { get; init; }

    /// <summary>Page size, 1–500; a value outside is clamped into that range.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>The opaque cursor from the previous page's <see cref="IncidentPage.NextCursor"/>, or null for the first page.</summary>
    public string? Cursor { get; init; }
}
