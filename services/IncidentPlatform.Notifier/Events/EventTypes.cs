namespace IncidentPlatform.Notifier.Events;

/// <summary>The event types the notifier announces, as named in routes and delivery records.</summary>
internal static class EventTypes
{
    public const string IncidentOpened = "IncidentOpened";
    public const string IncidentUpdated = "IncidentUpdated";
    public const string IncidentResolved = "IncidentResolved";
    public const string IncidentAnalyzed = "IncidentAnalyzed";
    public const string RemediationProposed = "RemediationProposed";
    public const string ApprovalRequested = "ApprovalRequested";
    public const string RemediationApproved = "RemediationApproved";
    public const string RemediationRejected = "RemediationRejected";
    public const string RemediationExecuted = "RemediationExecuted";
    public const string RemediationFailed = "RemediationFailed";
    public const string RemediationInterrupted = "RemediationInterrupted";

    /// <summary>A notification asked for by a person (<c>SendNotification</c>).</summary>
    public const string Manual = "Manual";

    /// <summary>One message standing for many during an alert storm.</summary>
    public const string StormSummary = "StormSummary";

    /// <summary>The types a route's <c>Events</c> may name.</summary>
    public static readonly IReadOnlyList<string> Routable =
    [
        IncidentOpened, IncidentUpdated, IncidentResolved, IncidentAnalyzed, RemediationProposed, ApprovalRequested,
        RemediationApproved, RemediationRejected, RemediationExecuted, RemediationFailed, RemediationInterrupted, Manual,
    ];

    /// <summary>Incident life-cycle events count towards storms; remediation events are few and gated by policy.</summary>
    public static bool CountsTowardsStorm(string type) =>
        type is IncidentOpened or IncidentUpdated or IncidentResolved or IncidentAnalyzed;
}
