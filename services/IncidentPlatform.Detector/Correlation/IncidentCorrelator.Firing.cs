using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Correlation;

internal sealed partial class IncidentCorrelator
{
    private const int MaxMembersPerRoute = 100;

    // One decision for a firing alert; null when a concurrent change forces a fresh one.
    private async Task<CorrelationOutcome?> TryFireAsync(Alert alert, AlertIdentity identity, CancellationToken ct)
    {
        var silenceId = await silences.MatchAsync(alert, ct);
        var now = time.GetUtcNow();
        var route = await routes.GetAsync(identity.Fingerprint, ct);
        var routed = route is null ? null : await incidents.GetAsync(route.Value.IncidentId, ct);
        if (route is not null && routed is not null)
        {
            if (routed.Status != IncidentStatus.Resolved)
            {
                return await MarkFiringAsync(route, alert, identity, now, ct) is null
                    ? null
                    : await CountIntoAsync(routed, alert, identity, silenceId, new CountMode(), ct);
            }

            var resolvedAt = routed.ResolvedAt ?? routed.UpdatedAt;
            if (alert.Timestamp <= resolvedAt && now - resolvedAt <= Options.DedupWindow)
            {
                // Observed before the resolution, delivered after it: it belongs to the resolved incident.
                return await CountIntoAsync(routed, alert, identity, silenceId, new CountMode(AllowResolved: true), ct);
            }

            if (now - resolvedAt <= Options.ReopenWindow)
            {
                return await ReopenAsync(route, routed, alert, identity, silenceId, now, ct);
            }
        }

        return await OpenAsync(route, alert, identity, silenceId, now, ct);
    }

    private async Task<CorrelationOutcome?> OpenAsync(
        StoredRoute? route, Alert alert, AlertIdentity identity, string? silenceId, DateTimeOffset now, CancellationToken ct)
    {
        // Claim the fingerprint for a new incident id first: the route write is where replicas agree.
        var newId = IncidentChanges.NewId(time);
        var fresh = new Route
        {
            Fingerprint = identity.Fingerprint,
            IncidentId = newId,
            Source = alert.Source,
            SeenAt = now,
            Members = new Dictionary<string, RouteMember> { [identity.Member] = Firing(alert) },
        };
        var claimed = await routes.TryPutAsync(fresh, route?.Version ?? 0, ct);
        if (claimed is null)
        {
            return null;
        }

        var grouped = Options.Groups(alert) && !string.IsNullOrWhiteSpace(alert.Service);
        var key = grouped ? GroupKey(alert.Service!) : identity.Fingerprint;
        var (holder, opened) = await incidents.FindOrOpenAsync(key, IncidentChanges.Open(newId, key, alert, silenceId, now), ct);
        if (opened)
        {
            // The alert is stored before its progress is marked: a redelivery finds it among the recent alert ids anyway.
            var outcome = new CorrelationOutcome(CorrelationKind.Opened, holder, ["opened"], Significant: true, Publish: true);
            await incidents.AddAlertAsync(holder.Id, alert, ct);
            await timeline.OpenedAsync(holder, alert, silenceId, ct);
            await progress.MarkAppliedAsync(alert.Id, outcome, ct);
            CorrelationLog.Opened(logger, alert.Id, holder.Id, key);
            return outcome;
        }

        if (grouped && now - holder.CreatedAt > Options.GroupingWindow)
        {
            // The service's incident is past its grouping window: release its key so this fingerprint opens its own.
            await incidents.TryUpdateAsync(holder with { Fingerprint = $"{key}#{holder.Id}" }, ct);
            return null;
        }

        return await routes.TryPutAsync(fresh with { IncidentId = holder.Id }, claimed.Version, ct) is null
            ? null
            : await CountIntoAsync(holder, alert, identity, silenceId, new CountMode(Joined: grouped), ct);
    }

    /// <summary>
    /// Records the member as firing (and refreshes when the fingerprint was last seen, coarsely, for the quiet period)
    /// before the incident counts the alert, so a concurrent resolve either sees it firing or loses its version check.
    /// Null when another replica wrote the route first.
    /// </summary>
    private async Task<StoredRoute?> MarkFiringAsync(
        StoredRoute route, Alert alert, AlertIdentity identity, DateTimeOffset now, CancellationToken ct)
    {
        var current = route.Value;
        var member = current.Members.GetValueOrDefault(identity.Member);
        var stale = member?.ResolvedAt is { } resolvedAt && alert.Timestamp < resolvedAt;
        var startsFiring = !stale && member is not { Firing: true };
        var quiet = Options.QuietPeriod(current.Source);
        var refresh = quiet > TimeSpan.Zero && now - current.SeenAt >= Granularity(quiet);
        if (!startsFiring && !refresh)
        {
            return route;
        }

        var members = new Dictionary<string, RouteMember>(current.Members);
        if (startsFiring)
        {
            members[identity.Member] = Firing(alert) with { ResolvedAt = member?.ResolvedAt };
            Trim(members);
        }

        return await routes.TryPutAsync(current with { SeenAt = now, Members = members, Source = alert.Source },
            route.Version, ct);
    }

    private static RouteMember Firing(Alert alert) => new() { Firing = true, FiringAt = alert.Timestamp };

    // The quiet period is checked against a "last seen" written at most this often.
    private static TimeSpan Granularity(TimeSpan quiet) => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, quiet.Ticks / 10));

    private static void Trim(Dictionary<string, RouteMember> members)
    {
        foreach (var (key, _) in members.OrderBy(m => m.Value.Firing).ThenBy(m => m.Value.FiringAt).ToList())
        {
            if (members.Count <= MaxMembersPerRoute)
            {
                break;
            }

            members.Remove(key);
        }
    }
}
