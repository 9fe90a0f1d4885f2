namespace IncidentPlatform.Contracts;

/// <summary>
/// Every event about an incident. Consumers of this interface (the gateway's live view, the notifier's delivery
/// log) receive all of them; MassTransit publishes each event to its interfaces' exchanges too.
/// </summary>
public interface IIncidentMessage
{
    /// <summary>The incident.</summary>
    string IncidentId { get; }

    /// <summary>When the event happened.</summary>
    DateTimeOffset OccurredAt { get; }
}
