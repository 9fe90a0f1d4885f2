using IncidentPlatform.Contracts;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Store;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// Applies an alert to the incident of its fingerprint: opens it atomically (two detectors racing open one incident),
/// or counts the alert in it and escalates its severity. Idempotent: the incident remembers its latest alert ids, so a
/// redelivered alert changes nothing.
/// </summary>
internal sealed class IncidentCorrelator(IIncidentStore store, TimeProvider time)
{
    public const int RecentAlertIds = 100;

    public async Task<CorrelationOutcome> ApplyAsync(Alert alert, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprints.For(alert);
        var now = time.GetUtcNow();
        var (incident, opened) = await store.FindOrOpenAsync(fingerprint, Open(alert, fingerprint, now), cancellationToken);
        if (opened)
        {
            await store.AddAlertAsync(incident.Id, alert, cancellationToken);
            await store.AppendTimelineAsync(incident.Id, Timeline(now, "opened",
                $"Opened by {Describe(alert)}", alert), cancellationToken);
            return new CorrelationOutcome(incident, Opened: true, ["opened"], Significant: true);
        }

        string[] changes = [];
        var updated = await store.UpdateAsync(incident.Id, current =>
        {
            if (current.RecentAlertIds.Contains(alert.Id))
            {
                changes = [];
                return null;
            }

            var escalated = alert.Severity > current.Severity;
            changes = escalated ? ["alerts", "severity"] : ["alerts"];
            return current with
            {
                AlertCount = current.AlertCount + 1,
                Severity = escalated ? alert.Severity : current.Severity,
                LastAlertAt = alert.Timestamp > current.LastAlertAt ? alert.Timestamp : current.LastAlertAt,
                UpdatedAt = now,
                RecentAlertIds = [.. current.RecentAlertIds.TakeLast(RecentAlertIds - 1), alert.Id],
            };
        }, cancellationToken) ?? incident;

        // Storing the alert is idempotent, so a redelivery after a crash completes what the first delivery began.
        await store.AddAlertAsync(updated.Id, alert, cancellationToken);
        if (changes.Contains("severity"))
        {
            await store.AppendTimelineAsync(updated.Id, Timeline(now, "severity",
                $"Severity raised to {alert.Severity} by {Describe(alert)}", alert), cancellationToken);
        }

        var first = updated.AlertCount == 1 && updated.RecentAlertIds is [var only] && only == alert.Id;
        return new CorrelationOutcome(updated, Opened: first, changes, Significant: changes.Contains("severity"));
    }

    private static Incident Open(Alert alert, string fingerprint, DateTimeOffset now) => new()
    {
        Id = Ids.New("inc"),
        Fingerprint = fingerprint,
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
        Evidence = alert.Evidence is null ? [] : [alert.Evidence],
    };

    private static string Describe(Alert alert) => $"{alert.Source} alert '{alert.Title}'";

    private static TimelineEntry Timeline(DateTimeOffset at, string kind, string message, Alert alert) => new()
    {
        At = at,
        Kind = kind,
        Message = message,
        Actor = alert.Source,
        Data = new Dictionary<string, string> { ["alertId"] = alert.Id },
    };
}
