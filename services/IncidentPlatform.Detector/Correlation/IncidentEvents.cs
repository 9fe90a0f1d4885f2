using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Telemetry;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// Announces what correlation did: <see cref="IncidentOpened"/>, <see cref="IncidentResolved"/>, and
/// <see cref="IncidentUpdated"/> coalesced to at most one per incident per update interval unless significant (the
/// correlation decides which change is the first of an interval; the sweeper publishes the last one of a burst).
/// Silenced incidents are announced like any other: the events carry <see cref="Incident.SilencedBy"/>.
/// </summary>
internal sealed class IncidentEvents(ICacheStore cache, TimeProvider time)
{
    private static readonly TimeSpan PublishedMemory = TimeSpan.FromDays(1);

    public async Task PublishAsync(CorrelationOutcome outcome, IPublishEndpoint publisher, CancellationToken ct)
    {
        DetectorTelemetry.Correlated(outcome.Kind);
        if (outcome.Incident is not { } incident)
        {
            return;
        }

        switch (outcome.Kind)
        {
            case CorrelationKind.Opened:
                await publisher.Publish(new IncidentOpened { IncidentId = incident.Id, OccurredAt = time.GetUtcNow(), Incident = incident }, ct);
                DetectorTelemetry.Published(nameof(IncidentOpened));
                await MarkPublishedAsync(incident, ct);
                break;
            case CorrelationKind.Resolved:
                await PublishResolvedAsync(incident, incident.ResolvedBy ?? "alert", outcome.Reason, publisher, ct);
                break;
            case CorrelationKind.Updated or CorrelationKind.Reopened when outcome.Publish:
                await PublishUpdatedAsync(incident, outcome.Changes, outcome.Significant, publisher, ct);
                break;
        }
    }

    public async Task PublishUpdatedAsync(
        Incident incident, IReadOnlyList<string> changes, bool significant, IPublishEndpoint publisher, CancellationToken ct)
    {
        await publisher.Publish(new IncidentUpdated
        {
            IncidentId = incident.Id,
            OccurredAt = time.GetUtcNow(),
            Incident = incident,
            Changes = changes,
            Significant = significant,
        }, ct);
        DetectorTelemetry.Published(nameof(IncidentUpdated));
        await MarkPublishedAsync(incident, ct);
    }

    public async Task PublishResolvedAsync(
        Incident incident, string resolvedBy, string? reason, IPublishEndpoint publisher, CancellationToken ct)
    {
        await publisher.Publish(new IncidentResolved
        {
            IncidentId = incident.Id, OccurredAt = time.GetUtcNow(), Incident = incident, ResolvedBy = resolvedBy, Reason = reason,
        }, ct);
        DetectorTelemetry.Published(nameof(IncidentResolved));
    }

    /// <summary>The alert count the last published event carried, or null when none is remembered.</summary>
    public async Task<long?> PublishedAlertCountAsync(string incidentId, CancellationToken ct) =>
        long.TryParse(await cache.GetAsync(Key(incidentId), ct), CultureInfo.InvariantCulture, out var count) ? count : null;

    private Task MarkPublishedAsync(Incident incident, CancellationToken ct) =>
        cache.SetAsync(Key(incident.Id), incident.AlertCount.ToString(CultureInfo.InvariantCulture), PublishedMemory, ct);

    private static string Key(string incidentId) => $"correlation:published:{incidentId}";
}
