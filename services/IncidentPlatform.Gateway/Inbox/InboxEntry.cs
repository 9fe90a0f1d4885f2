using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Inbox;

/// <summary>
/// What an inbox entry holds while it waits for the relay: the one message the intake accepted (an alert, or a batch of
/// log lines) and the trace it was accepted under (W3C <c>traceparent</c>), so the relayed message continues it. A done
/// entry holds none of these; it stays only as the marker that drops a retry of the same delivery.
/// </summary>
internal sealed record InboxEntry(AlertReceived? Alert = null, LogEventsReceived? Logs = null, string? TraceParent = null)
{
    /// <summary>The message to publish (null for a done entry).</summary>
    public object? Message => (object?)Alert ?? Logs;
}
