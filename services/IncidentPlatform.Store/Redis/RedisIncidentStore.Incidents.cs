using IncidentPlatform.Contracts;
using IncidentPlatform.Store.Serialization;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Redis;

internal sealed partial class RedisIncidentStore
{
    /// <summary>Incidents the purge deletes per index read.</summary>
    private const int PurgeBatch = 100;

    public async Task<Incident?> GetAsync(string incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        var json = await Within(Database(cancellationToken).HashGetAsync(_keys.Incident(incidentId), "json"), cancellationToken);
        return json.IsNull ? null : Read(json, StoreJsonContext.Default.Incident);
    }

    public async Task<FindOrOpenResult> FindOrOpenAsync(
        string fingerprint, Incident candidate, CancellationToken cancellationToken = default)
    {
        StoreArguments.CheckCandidate(fingerprint, candidate);

        var (json, arguments) = IncidentFields.Of(_keys, candidate with { Version = 1 });
        var reply = (RedisResult[])(await EvalAsync(IncidentScripts.Open, IncidentKeys(candidate.Id), arguments, cancellationToken))!;
        return (long)reply[0] switch
        {
            1 => new FindOrOpenResult(Read(json, StoreJsonContext.Default.Incident), true),
            0 => new FindOrOpenResult(Read(reply[1], StoreJsonContext.Default.Incident), false),
            _ => throw new InvalidOperationException($"Incident {candidate.Id} exists already; a new incident needs a new id."),
        };
    }

    public async Task<Incident?> TryUpdateAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var (json, arguments) = IncidentFields.Of(_keys, incident with { Version = incident.Version + 1 }, incident.Version);
        var reply = await EvalAsync(IncidentScripts.Update, IncidentKeys(incident.Id), arguments, cancellationToken);
        return (long)reply switch
        {
            1 => Read(json, StoreJsonContext.Default.Incident),
            0 => null,
            _ => throw NoIncident(incident.Id),
        };
    }

    public Task<bool> DeleteAsync(string incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        return DeleteAsync(incidentId, resolvedBefore: null, cancellationToken);
    }

    public async Task<int> PurgeResolvedAsync(DateTimeOffset resolvedBefore, CancellationToken cancellationToken = default)
    {
        // Resolved earlier than the cutoff's millisecond: every one qualifies. Within that millisecond the script
        // compares ticks. The delete script checks again, atomically, so an incident reopened meanwhile stays.
        var cutoff = RedisTime.Of(resolvedBefore);
        return await PurgeRangeAsync(double.NegativeInfinity, cutoff.Milliseconds, Exclude.Stop, cutoff, cancellationToken)
               + await PurgeRangeAsync(cutoff.Milliseconds, cutoff.Milliseconds, Exclude.None, cutoff, cancellationToken);
    }

    private async Task<int> PurgeRangeAsync(
        double min, double max, Exclude exclude, RedisTime cutoff, CancellationToken cancellationToken)
    {
        // Offset = the incidents of the range that stayed (not resolved before the cutoff after all), so every round
        // either deletes or moves on, and the loop ends.
        var (purged, kept) = (0, 0);
        while (true)
        {
            var ids = await Within(
                Database(cancellationToken).SortedSetRangeByScoreAsync(
                    _keys.Resolved, min, max, exclude, Order.Ascending, kept, PurgeBatch),
                cancellationToken);
            if (ids.Length == 0)
            {
                return purged;
            }

            foreach (var id in ids)
            {
                if (await DeleteAsync(id!, cutoff, cancellationToken))
                {
                    purged++;
                }
                else
                {
                    kept++;
                }
            }
        }
    }

    private async Task<bool> DeleteAsync(string incidentId, RedisTime? resolvedBefore, CancellationToken cancellationToken)
    {
        var cutoff = resolvedBefore ?? default;
        var reply = await EvalAsync(
            IncidentScripts.Delete, IncidentKeys(incidentId),
            [_keys.IndexPrefix, incidentId, resolvedBefore is null ? 0 : 1, cutoff.Milliseconds, cutoff.SubTicks],
            cancellationToken);
        return (long)reply == 1;
    }

    /// <summary>The KEYS of the incident scripts, in their order.</summary>
    private RedisKey[] IncidentKeys(string incidentId) =>
    [
        _keys.Incident(incidentId), _keys.Alerts(incidentId), _keys.AlertIds(incidentId), _keys.Timeline(incidentId),
        _keys.Fingerprints, _keys.All, _keys.Resolved,
    ];

    private static KeyNotFoundException NoIncident(string incidentId) => new($"Incident {incidentId} does not exist.");
}
