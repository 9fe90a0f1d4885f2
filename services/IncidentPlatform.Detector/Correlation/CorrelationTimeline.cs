using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// What correlation writes to an incident's timeline, bounded for storms: the opening, the first
/// <see cref="CorrelationOptions.TimelineAlerts"/> alerts one by one, every fingerprint that joins, severity and silence
/// changes, reopening and resolution; beyond that one "N more alerts" entry per
/// <see cref="CorrelationOptions.TimelineSummaryInterval"/>. Which alert writes an entry follows from the incident's
/// version-checked count, so replicas never write the same entry twice.
/// </summary>
internal sealed class CorrelationTimeline(IIncidentStore incidents, ICacheStore cache, IOptions<CorrelationOptions> options, TimeProvider time)
{
    public Task OpenedAsync(Incident incident, Alert alert, string? silenceId, CancellationToken ct) =>
        AppendAsync(incident, "opened", $"Opened by {Describe(alert)}{Silenced(silenceId)}", alert, silenceId, ct);

    public async Task CountedAsync(Incident incident, Alert alert, AlertIdentity identity, Counted counted, CountMode mode,
        string? silenceId, CancellationToken ct)
    {
        var limit = options.Value.TimelineAlerts;
        if (mode.Reopened)
        {
            await AppendAsync(incident, "reopened", $"Reopened by {Describe(alert)}{Silenced(silenceId)}", alert, silenceId, ct);
        }
        else if (mode.Joined)
        {
            await AppendAsync(incident, "alert",
                $"Joined by {Describe(alert)} (fingerprint {identity.Fingerprint}){Silenced(silenceId)}", alert, silenceId, ct);
        }
        else if (incident.AlertCount <= limit)
        {
            var what = alert.Status == AlertStatus.Resolved ? $"Recovered: {Describe(alert)}" : Describe(alert);
            var late = incident.Status == IncidentStatus.Resolved ? " (after the resolution)" : "";
            await AppendAsync(incident, "alert", $"{what}{late}{Silenced(silenceId)}", alert, silenceId, ct);
        }

        if (counted.Changes.Contains("severity"))
        {
            await AppendAsync(incident, "severity", $"Severity raised to {incident.Severity} by {Describe(alert)}", alert, silenceId, ct);
        }

        if (counted.Changes.Contains("silence"))
        {
            await AppendAsync(incident, "silence", $"No longer silenced: {Describe(alert)} is not silenced", alert, null, ct);
        }

        if (counted.SummaryDue && incident.AlertCount > limit)
        {
            await SummaryAsync(incident, limit, ct);
        }
    }

    public async Task ResolveCountedAsync(Incident incident, Alert alert, AlertIdentity identity, bool resolved, CancellationToken ct)
    {
        if (resolved)
        {
            await AppendAsync(incident, "resolved", $"Resolved: {Describe(alert)} recovered and no alert of it still fires",
                alert, null, ct);
        }
        else if (incident.AlertCount <= options.Value.TimelineAlerts)
        {
            await AppendAsync(incident, "alert", $"Recovered: {Describe(alert)} ({identity.Member}); others still fire",
                alert, null, ct);
        }
    }

    public Task ResolvedAsync(Incident incident, string by, string reason, CancellationToken ct) =>
        incidents.AppendTimelineAsync(incident.Id, new TimelineEntry
        {
            At = time.GetUtcNow(), Kind = "resolved", Message = $"Resolved ({by}): {reason}", Actor = "detector",
        }, ct);

    // "N more alerts" since the previous summary (or since the last one recorded individually).
    private async Task SummaryAsync(Incident incident, int limit, CancellationToken ct)
    {
        var key = $"correlation:summary:{incident.Id}";
        var previous = long.TryParse(await cache.GetAsync(key, ct), CultureInfo.InvariantCulture, out var count) ? count : limit;
        await cache.SetAsync(key, incident.AlertCount.ToString(CultureInfo.InvariantCulture), TimeSpan.FromDays(7), ct);
        var more = incident.AlertCount - previous;
        await incidents.AppendTimelineAsync(incident.Id, new TimelineEntry
        {
            At = time.GetUtcNow(),
            Kind = "alerts",
            Message = $"{more} more alerts ({incident.AlertCount} in total)",
            Actor = "detector",
            Data = new Dictionary<string, string>
            {
                ["more"] = more.ToString(CultureInfo.InvariantCulture),
                ["total"] = incident.AlertCount.ToString(CultureInfo.InvariantCulture),
            },
        }, ct);
    }

    private Task AppendAsync(Incident incident, string kind, string message, Alert alert, string? silenceId, CancellationToken ct)
    {
        var data = new Dictionary<string, string> { ["alertId"] = alert.Id, ["status"] = alert.Status.ToString().ToLowerInvariant() };
        if (alert.Fingerprint is { } fingerprint)
        {
            data["fingerprint"] = fingerprint;
        }

        if (silenceId is not null)
        {
            data["silenceId"] = silenceId;
        }

        return incidents.AppendTimelineAsync(incident.Id, new TimelineEntry
        {
            At = time.GetUtcNow(), Kind = kind, Message = message, Actor = alert.Source, Data = data,
        }, ct);
    }

    private static string Describe(Alert alert) => $"{alert.Source} alert '{alert.Title}'";

    private static string Silenced(string? silenceId) => silenceId is null ? "" : $" (silenced by {silenceId}: it does not page)";
}
