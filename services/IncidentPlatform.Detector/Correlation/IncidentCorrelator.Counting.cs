using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Correlation;

internal sealed partial class IncidentCorrelator
{
    /// <summary>
    /// Counts the alert into the incident with a version-checked update, then stores the alert and writes the timeline.
    /// Null when the incident was resolved or deleted meanwhile (the caller decides again).
    /// </summary>
    private async Task<CorrelationOutcome?> CountIntoAsync(
        Incident incident, Alert alert, AlertIdentity identity, string? silenceId, CountMode mode, CancellationToken ct)
    {
        var current = incident;
        while (true)
        {
            if (current.Status == IncidentStatus.Resolved && !mode.AllowResolved)
            {
                return null;
            }

            if (current.RecentAlertIds.Contains(alert.Id))
            {
                return await AlreadyCountedAsync(current, alert, ct);
            }

            var counted = IncidentChanges.Count(current, alert, silenceId, time.GetUtcNow(), Options);
            var stored = await incidents.TryUpdateAsync(counted.Incident with { Version = current.Version }, ct);
            if (stored is null)
            {
                current = await incidents.GetAsync(current.Id, ct);
                if (current is null)
                {
                    return null;
                }

                continue;
            }

            var outcome = mode.Reopened
                ? new CorrelationOutcome(CorrelationKind.Reopened, stored, ["status", .. counted.Changes],
                    Significant: silenceId is null, Publish: true)
                : new CorrelationOutcome(CorrelationKind.Updated, stored, counted.Changes, counted.Significant, counted.PublishDue);
            await progress.MarkAppliedAsync(alert.Id, outcome, ct);
            await incidents.AddAlertAsync(stored.Id, alert, ct);
            await timeline.CountedAsync(stored, alert, identity, counted, mode, silenceId, ct);
            return outcome;
        }
    }

    // The incident counted the alert before (a redelivery after a crash): complete storing it; if it opened the
    // incident, announce the opening again (its event may not have gone out).
    private async Task<CorrelationOutcome> AlreadyCountedAsync(Incident incident, Alert alert, CancellationToken ct)
    {
        await incidents.AddAlertAsync(incident.Id, alert, ct);
        var opened = incident.AlertCount == 1 && incident.RecentAlertIds is [var only] && only == alert.Id;
        var outcome = opened
            ? new CorrelationOutcome(CorrelationKind.Opened, incident, ["opened"], Significant: true, Publish: true)
            : CorrelationOutcome.Duplicate(incident);
        await progress.MarkAppliedAsync(alert.Id, outcome, ct);
        return outcome;
    }
}
