using IncidentPlatform.Contracts;
using IncidentPlatform.ServiceDefaults;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>The pure part of correlation: a new incident for an alert, and an incident with one more alert counted.</summary>
internal static class IncidentChanges
{
    public const int RecentAlertIds = 100;
    public const int MaxEvidence = 10;
    public const int MaxTemplates = 50;

    public static Incident Open(string id, string key, Alert alert, string? silenceId, DateTimeOffset now) => new()
    {
        Id = id,
        Fingerprint = key,
        Title = alert.Title,
        Service = alert.Service,
        Severity = alert.Severity,
        Status = IncidentStatus.Open,
        Source = alert.Source,
        Labels = alert.Labels,
        CreatedAt = now,
        UpdatedAt = now,
        AlertCount = 1,
        FirstAlertAt = alert.Timestamp,
        LastAlertAt = alert.Timestamp,
        RecentAlertIds = [alert.Id],
        TemplateIds = alert.Evidence?.TemplateId is { } template ? [template] : [],
        Evidence = alert.Evidence is null ? [] : [alert.Evidence],
        SilencedBy = silenceId,
    };

    /// <summary>
    /// The incident with the alert counted. A firing alert raises the severity to the highest seen; an unsilenced one lifts
    /// the incident's silence (it pages again); a silenced one is counted but changes nothing that pages.
    /// </summary>
    public static Counted Count(Incident current, Alert alert, string? silenceId, DateTimeOffset now, CorrelationOptions options)
    {
        var changes = new List<string> { "alerts" };
        var significant = false;
        var firing = alert.Status == AlertStatus.Firing;
        var severity = current.Severity;
        if (firing && alert.Severity > current.Severity)
        {
            severity = alert.Severity;
            changes.Add("severity");
            significant = silenceId is null;
        }

        var silencedBy = current.SilencedBy;
        if (firing && silenceId is null && current.SilencedBy is not null)
        {
            silencedBy = null;
            changes.Add("silence");
            significant = true;
        }

        var templates = current.TemplateIds;
        var evidence = current.Evidence;
        if (alert.Evidence is { } signal)
        {
            evidence = [.. current.Evidence.TakeLast(MaxEvidence - 1), signal];
            changes.Add("evidence");
            if (signal.TemplateId is { } template && !current.TemplateIds.Contains(template))
            {
                templates = [.. current.TemplateIds.TakeLast(MaxTemplates - 1), template];
                significant |= silenceId is null;
            }
        }

        var updatedAt = now > current.UpdatedAt ? now : current.UpdatedAt;
        var next = current with
        {
            AlertCount = current.AlertCount + 1,
            Severity = severity,
            SilencedBy = silencedBy,
            LastAlertAt = alert.Timestamp > current.LastAlertAt ? alert.Timestamp : current.LastAlertAt,
            UpdatedAt = updatedAt,
            RecentAlertIds = [.. current.RecentAlertIds.TakeLast(RecentAlertIds - 1), alert.Id],
            TemplateIds = templates,
            Evidence = evidence,
        };
        return new Counted(next, changes, significant,
            PublishDue: significant || NewInterval(current.UpdatedAt, updatedAt, options.UpdateInterval),
            SummaryDue: NewInterval(current.UpdatedAt, updatedAt, options.TimelineSummaryInterval));
    }

    /// <summary>The incident resolved now.</summary>
    public static Incident Resolve(Incident incident, string by, DateTimeOffset now) => incident with
    {
        Status = IncidentStatus.Resolved,
        ResolvedAt = now,
        ResolvedBy = by,
        UpdatedAt = now > incident.UpdatedAt ? now : incident.UpdatedAt,
    };

    /// <summary>A new incident id on the detector's clock.</summary>
    public static string NewId(TimeProvider time) => Ids.New("inc", time);

    // True for the first change in a new interval (intervals aligned to the epoch), so across replicas exactly one update
    // per interval is "first": the version-checked update orders them.
    private static bool NewInterval(DateTimeOffset previous, DateTimeOffset now, TimeSpan interval) =>
        now.UtcTicks / interval.Ticks > previous.UtcTicks / interval.Ticks;
}
