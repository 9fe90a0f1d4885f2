using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Correlation;

internal sealed partial class IncidentCorrelator
{
    /// <summary>
    /// The alert fires again shortly after its incident was resolved: reopen it, unless another unresolved incident took
    /// the incident's key meanwhile (then the alert goes there). The store only opens new incidents atomically, so a
    /// reopen checks who holds the key before and after: losing that race puts the incident back as it was.
    /// </summary>
    private async Task<CorrelationOutcome?> ReopenAsync(StoredRoute route, Incident resolved, Alert alert,
        AlertIdentity identity, string? silenceId, DateTimeOffset now, CancellationToken ct)
    {
        var key = resolved.Fingerprint;
        if (await OpenIncidentLookup.HolderAsync(incidents, key, resolved, ct) is { } holder)
        {
            return await FollowAsync(route, holder, alert, identity, silenceId, ct);
        }

        if (await MarkFiringAsync(route, alert, identity, now, ct) is null)
        {
            return null;
        }

        var reopened = await incidents.TryUpdateAsync(resolved with
        {
            Status = IncidentStatus.Open,
            ResolvedAt = null,
            ResolvedBy = null,
            AcknowledgedAt = null,
            AcknowledgedBy = null,
            SilencedBy = silenceId,
            UpdatedAt = now > resolved.UpdatedAt ? now : resolved.UpdatedAt,
        }, ct);
        if (reopened is null)
        {
            return null;
        }

        var winner = await OpenIncidentLookup.HolderAsync(incidents, key, reopened, ct);
        if (winner?.Id != reopened.Id)
        {
            CorrelationLog.NotReopened(logger, resolved.Id, winner?.Id);
            if (await incidents.TryUpdateAsync(resolved with { Version = reopened.Version }, ct) is null)
            {
                CorrelationLog.StaysReopened(logger, resolved.Id, winner?.Id);
            }

            return null;
        }

        CorrelationLog.Reopened(logger, alert.Id, reopened.Id, now - (resolved.ResolvedAt ?? now));
        return await CountIntoAsync(reopened, alert, identity, silenceId, new CountMode(Reopened: true), ct);
    }

    // Another unresolved incident holds the key: point the fingerprint there and count the alert into it.
    private async Task<CorrelationOutcome?> FollowAsync(StoredRoute route, Incident holder, Alert alert,
        AlertIdentity identity, string? silenceId, CancellationToken ct)
    {
        var members = new Dictionary<string, RouteMember>(route.Value.Members) { [identity.Member] = Firing(alert) };
        var moved = route.Value with { IncidentId = holder.Id, SeenAt = time.GetUtcNow(), Members = members, Source = alert.Source };
        return await routes.TryPutAsync(moved, route.Version, ct) is null
            ? null
            : await CountIntoAsync(holder, alert, identity, silenceId, new CountMode(Joined: holder.Fingerprint != identity.Fingerprint), ct);
    }
}
