using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Correlation;

internal sealed partial class IncidentCorrelator
{
    // One decision for a resolving alert; null when a concurrent change forces a fresh one.
    private async Task<CorrelationOutcome?> TryResolveAsync(Alert alert, AlertIdentity identity, CancellationToken ct)
    {
        var route = await routes.GetAsync(identity.Fingerprint, ct);
        var incident = route is null ? null : await incidents.GetAsync(route.Value.IncidentId, ct);
        if (incident is { Status: IncidentStatus.Resolved, ResolvedAt: { } resolvedAt } &&
            time.GetUtcNow() - resolvedAt <= Options.DedupWindow)
        {
            // Its incident resolved a moment ago (another member's resolve came first): recorded there, nothing changes.
            return await CountIntoAsync(incident, alert, identity, null, new CountMode(AllowResolved: true), ct);
        }

        if (route is null || incident is null || incident.Status == IncidentStatus.Resolved)
        {
            CorrelationLog.ResolveIgnored(logger, alert.Id, identity.Fingerprint);
            var ignored = CorrelationOutcome.Ignored("no unresolved incident has this fingerprint");
            await progress.MarkAppliedAsync(alert.Id, ignored, ct);
            return ignored;
        }

        if (incident.RecentAlertIds.Contains(alert.Id))
        {
            return await AlreadyCountedAsync(incident, alert, ct);
        }

        // A resolve older than the member's latest firing belongs to an earlier episode: counted, but it resolves nothing.
        var member = route.Value.Members.GetValueOrDefault(identity.Member);
        var stale = member?.FiringAt is { } firingAt && alert.Timestamp < firingAt;
        if (!stale && (member is null || member.Firing))
        {
            var members = new Dictionary<string, RouteMember>(route.Value.Members)
            {
                [identity.Member] = new() { Firing = false, FiringAt = member?.FiringAt, ResolvedAt = alert.Timestamp },
            };
            if (await routes.TryPutAsync(route.Value with { Members = members }, route.Version, ct) is null)
            {
                return null;
            }
        }

        return await CountResolveAsync(incident.Id, alert, identity, ct);
    }

    /// <summary>
    /// Counts the resolve and resolves the incident when none of its members still fires (or every one is quiet). The
    /// incident is read before its routes, and stored with that version: a firing alert marks its route first and then
    /// changes the incident, so a concurrent one is either seen or makes this update fail and look again.
    /// </summary>
    private async Task<CorrelationOutcome?> CountResolveAsync(
        string incidentId, Alert alert, AlertIdentity identity, CancellationToken ct)
    {
        while (true)
        {
            var current = await incidents.GetAsync(incidentId, ct);
            if (current is null || current.Status == IncidentStatus.Resolved)
            {
                return null;
            }

            if (current.RecentAlertIds.Contains(alert.Id))
            {
                return await AlreadyCountedAsync(current, alert, ct);
            }

            var now = time.GetUtcNow();
            var owned = await routes.OwnedByAsync(incidentId, ct);
            var clear = owned.Count < RouteStore.MaxListed &&
                        owned.All(r => r.Members.Values.All(m => !m.Firing) || IsQuiet(r, now));
            var counted = IncidentChanges.Count(current, alert, null, now, Options);
            var next = clear ? IncidentChanges.Resolve(counted.Incident, "alert", now) : counted.Incident;
            var stored = await incidents.TryUpdateAsync(next with { Version = current.Version }, ct);
            if (stored is null)
            {
                continue;
            }

            var outcome = clear
                ? new CorrelationOutcome(CorrelationKind.Resolved, stored, ["status", "alerts"], Significant: true, Publish: true,
                    $"{alert.Source} reported '{alert.Title}' resolved and no alert of the incident still fires")
                : new CorrelationOutcome(CorrelationKind.Updated, stored, counted.Changes, false, counted.PublishDue);
            await progress.MarkAppliedAsync(alert.Id, outcome, ct);
            await incidents.AddAlertAsync(stored.Id, alert, ct);
            await timeline.ResolveCountedAsync(stored, alert, identity, clear, ct);
            if (clear)
            {
                CorrelationLog.Resolved(logger, alert.Id, stored.Id);
            }
            else
            {
                CorrelationLog.ResolvedOne(logger, alert.Id, stored.Id);
            }

            return outcome;
        }
    }
}
