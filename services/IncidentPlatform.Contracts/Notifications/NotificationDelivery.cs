namespace IncidentPlatform.Contracts;

/// <summary>One entry of an incident's delivery log: one event, one channel, one outcome.</summary>
public sealed record NotificationDelivery
{
    /// <summary>Our id for the delivery.</summary>
    public required string Id { get; init; }

    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The configured channel name (<c>Notifier:Channels:&lt;name&gt;</c>).</summary>
    public required string Channel { get; init; }

    /// <summary>The channel type: <c>slack-webhook</c>, <c>slack-bot</c>, <c>teams</c>, <c>email</c>, <c>jira</c>,
    /// <c>pagerduty</c>, <c>webhook</c>, <c>console</c>.</summary>
    public required string ChannelType { get; init; }

    /// <summary>The event notified (<c>IncidentOpened</c>, <c>ApprovalRequested</c>…, or <c>StormSummary</c>).</summary>
    public required string EventType { get; init; }

    /// <summary>The outcome.</summary>
    public required DeliveryStatus Status { get; init; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; init; }

    /// <summary>When the outcome was recorded.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The error of the last attempt, or why it was suppressed.</summary>
    public string? Detail { get; init; }

    /// <summary>The channel's reference for what was posted (Slack ts, Jira key, PagerDuty dedup key).</summary>
    public string? ExternalRef { get; init; }

    /// <summary>The rendered text (for previews and the log), bounded.</summary>
    public string? Text { get; init; }
}
