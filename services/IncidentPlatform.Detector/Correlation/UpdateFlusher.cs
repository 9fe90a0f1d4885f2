using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// The trailing edge of update coalescing: an incident that took alerts whose <see cref="IncidentUpdated"/> was coalesced
/// away, and has had no change for an update interval, gets one <see cref="IncidentUpdated"/> with its final counts.
/// </summary>
internal sealed class UpdateFlusher(IIncidentStore incidents, IncidentEvents events, IOptions<CorrelationOptions> options)
{
    private const int MaxPages = 10;

    public async Task<int> FlushAsync(DateTimeOffset now, IPublishEndpoint publisher, CancellationToken ct)
    {
        var interval = options.Value.UpdateInterval;
        var lookback = interval * 12 > TimeSpan.FromMinutes(1) ? interval * 12 : TimeSpan.FromMinutes(1);
        // Settled: no change for an interval (Until is exclusive; stores order times to the millisecond).
        var query = new IncidentQuery { Since = now - lookback, Until = now - interval + TimeSpan.FromMilliseconds(1), PageSize = 200 };
        var flushed = 0;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await incidents.ListAsync(query, ct);
            foreach (var incident in result.Items.Where(i => i.Status != IncidentStatus.Resolved))
            {
                if (await events.PublishedAlertCountAsync(incident.Id, ct) is { } published && incident.AlertCount > published)
                {
                    await events.PublishUpdatedAsync(incident, ["alerts"], significant: false, publisher, ct);
                    flushed++;
                }
            }

            if (result.NextCursor is null)
            {
                break;
            }

            query = query with { Cursor = result.NextCursor };
        }

        return flushed;
    }
}
