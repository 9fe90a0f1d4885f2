using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>
/// Incident events become alerts fingerprinted by the PagerDuty incident (<c>pagerduty:&lt;id&gt;</c>): triggered,
/// reopened, unacknowledged and priority changes fire; resolved resolves; other events (acknowledgements, notes,
/// responders, services) raise none. Severity from the priority (P1–P5), else the urgency.
/// </summary>
internal static class PagerDutyMapper
{
    private static readonly HashSet<string> Firing = new(
        ["incident.triggered", "incident.reopened", "incident.unacknowledged", "incident.priority_updated"], StringComparer.Ordinal);

    public static Alert? Map(PagerDutyEvent item, PagerDutyOptions options, DateTimeOffset now, out string? ignored)
    {
        ignored = null;
        var status = item.EventType == "incident.resolved" ? AlertStatus.Resolved
            : Firing.Contains(item.EventType ?? "") ? AlertStatus.Firing
            : (AlertStatus?)null;
        if (status is null || item.Data?.Id is not { Length: > 0 } incidentId)
        {
            ignored = $"PagerDuty event '{item.EventType}' raises no alert.";
            return null;
        }

        var incident = item.Data;
        if (!SeverityNames.TryParse(incident.Priority?.Summary, out var severity))
        {
            severity = incident.Urgency switch
            {
                "high" => Severity.High,
                "low" => Severity.Low,
                _ => SeverityNames.TryParse(options.DefaultSeverity, out var fallback) ? fallback : Severity.Medium,
            };
        }

        var labels = new List<KeyValuePair<string, string>> { new("pagerdutyIncident", incidentId), new("eventType", item.EventType!) };
        Add(labels, "incidentNumber", incident.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(labels, "incidentKey", incident.IncidentKey);
        Add(labels, "pagerdutyService", incident.Service?.Id);
        Add(labels, "urgency", incident.Urgency);
        Add(labels, "priority", incident.Priority?.Summary);
        return new Alert
        {
            Id = "",
            Source = "pagerduty",
            ExternalId = item.Id,
            Title = AlertText.Title(incident.Title, $"PagerDuty incident {incidentId}"),
            Message = AlertText.Message($"{item.EventType}: {incident.Title} (status {incident.Status})\n{incident.HtmlUrl}".Trim()),
            Severity = severity,
            Timestamp = item.OccurredAt ?? now,
            Service = incident.Service?.Summary,
            Labels = AlertText.Labels(labels),
            Status = status.Value,
            Fingerprint = $"pagerduty:{incidentId}",
            ReceivedAt = now,
        };
    }

    private static void Add(List<KeyValuePair<string, string>> labels, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            labels.Add(new(name, value));
        }
    }
}
