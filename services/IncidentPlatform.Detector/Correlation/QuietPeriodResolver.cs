using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// Resolves unresolved incidents none of whose alerts still fires: each fingerprint either recovered or has been quiet
/// (no firing alert) for its source's quiet period. Also resolves, as "alert", an incident whose alerts all recovered
/// when a race left it open. Then forgets the routes of incidents resolved longer ago than the reopen and late-alert
/// windows, which no decision needs any more.
/// </summary>
internal sealed class QuietPeriodResolver(
    IIncidentStore incidents, RouteStore routes, IncidentEvents events, CorrelationTimeline timeline,
    IOptions<CorrelationOptions> options, ILogger<QuietPeriodResolver> logger)
{
    private const int MaxPages = 20;

    /// <summary>Resolves what is due; returns how many incidents it resolved.</summary>
    public async Task<int> ResolveAsync(DateTimeOffset now, IPublishEndpoint publisher, CancellationToken ct)
    {
        if (options.Value.ShortestQuietPeriod() is not { } shortest)
        {
            return 0;
        }

        var resolved = 0;
        foreach (var status in new[] { IncidentStatus.Open, IncidentStatus.Acknowledged })
        {
            await foreach (var incident in PagesAsync(new IncidentQuery { Status = status, Until = now - shortest }, ct))
            {
                resolved += await TryResolveAsync(incident.Id, now, publisher, ct) ? 1 : 0;
            }
        }

        return resolved;
    }

    /// <summary>Deletes the routes of incidents resolved (or changed) a little over the reopen and late-alert windows ago.</summary>
    public async Task<int> ForgetRoutesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var window = options.Value.ReopenWindow > options.Value.DedupWindow ? options.Value.ReopenWindow : options.Value.DedupWindow;
        var query = new IncidentQuery { Status = IncidentStatus.Resolved, Since = now - window - TimeSpan.FromHours(1), Until = now - window };
        var forgotten = 0;
        await foreach (var incident in PagesAsync(query, ct))
        {
            forgotten += await routes.DeleteOwnedByAsync(incident.Id, ct);
        }

        return forgotten;
    }

    private async Task<bool> TryResolveAsync(string incidentId, DateTimeOffset now, IPublishEndpoint publisher, CancellationToken ct)
    {
        // The incident is read before its routes: a firing alert writes its route first, then the incident, so the
        // version check below fails if one came in between.
        var current = await incidents.GetAsync(incidentId, ct);
        if (current is null || current.Status == IncidentStatus.Resolved)
        {
            return false;
        }

        var owned = await routes.OwnedByAsync(incidentId, ct);
        if (owned.Count >= RouteStore.MaxListed)
        {
            return false;
        }

        bool clear;
        bool quiet;
        if (owned.Count == 0)
        {
            // No route (an incident from before routes, or whose fingerprints moved on): its source's quiet period.
            var period = options.Value.QuietPeriod(current.Source);
            clear = quiet = period > TimeSpan.Zero && now - current.UpdatedAt >= period;
        }
        else
        {
            var firing = owned.Where(r => r.Members.Values.Any(m => m.Firing)).ToList();
            clear = firing.All(r => IsQuiet(r, now));
            quiet = firing.Count > 0;
        }

        if (!clear)
        {
            return false;
        }

        var by = quiet ? "quiet-period" : "alert";
        var reason = quiet
            ? $"no alert for its quiet period ({Describe(owned, current)})"
            : "all of its alerts recovered";
        var stored = await incidents.TryUpdateAsync(IncidentChanges.Resolve(current, by, now), ct);
        if (stored is null)
        {
            return false;
        }

        logger.LogInformation("Resolved incident {IncidentId} by {ResolvedBy}: {Reason}", stored.Id, by, reason);
        await timeline.ResolvedAsync(stored, by, reason, ct);
        await events.PublishResolvedAsync(stored, by, reason, publisher, ct);
        return true;
    }

    private bool IsQuiet(Route route, DateTimeOffset now)
    {
        var period = options.Value.QuietPeriod(route.Source);
        return period > TimeSpan.Zero && now - route.SeenAt >= period;
    }

    private string Describe(IReadOnlyList<Route> owned, Incident incident) => string.Join(", ",
        (owned.Count == 0 ? [incident.Source] : owned.Select(r => r.Source)).Distinct()
        .Select(s => $"{s}: {options.Value.QuietPeriod(s)}"));

    private async IAsyncEnumerable<Incident> PagesAsync(IncidentQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await incidents.ListAsync(query with { PageSize = 200, Cursor = cursor }, ct);
            foreach (var incident in result.Items)
            {
                yield return incident;
            }

            cursor = result.NextCursor;
            if (cursor is null)
            {
                yield break;
            }
        }
    }
}
