using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store.Serialization;

namespace IncidentPlatform.Store.Redis;

/// <summary>An incident's alerts (bounded, de-duplicated by id) and its timeline (append-only).</summary>
internal sealed partial class RedisIncidentStore
{
    public async Task<bool> AddAlertAsync(string incidentId, Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        ArgumentNullException.ThrowIfNull(alert);
        var reply = await EvalAsync(
            IncidentScripts.AddAlert,
            [_keys.Incident(incidentId), _keys.Alerts(incidentId), _keys.AlertIds(incidentId)],
            [alert.Id, JsonSerializer.SerializeToUtf8Bytes(alert, StoreJsonContext.Default.Alert), settings.MaxAlertsPerIncident],
            cancellationToken);
        return (long)reply switch
        {
            1 => true,
            0 => false,
            _ => throw NoIncident(incidentId),
        };
    }

    public async Task<IReadOnlyList<Alert>> GetAlertsAsync(string incidentId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        return ReadAll(await RangeAsync(_keys.Alerts(incidentId), 0, limit, cancellationToken), StoreJsonContext.Default.Alert);
    }

    public async Task AppendTimelineAsync(string incidentId, TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        ArgumentNullException.ThrowIfNull(entry);
        var reply = await EvalAsync(
            IncidentScripts.AppendTimeline,
            [_keys.Incident(incidentId), _keys.Timeline(incidentId)],
            [JsonSerializer.SerializeToUtf8Bytes(entry, StoreJsonContext.Default.TimelineEntry)],
            cancellationToken);
        if ((long)reply != 1)
        {
            throw NoIncident(incidentId);
        }
    }

    public async Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(
        string incidentId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        var lines = await RangeAsync(_keys.Timeline(incidentId), offset, limit, cancellationToken);
        return ReadAll(lines, StoreJsonContext.Default.TimelineEntry);
    }
}
