using System.Collections.Immutable;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store.Embedded;

internal sealed partial class EmbeddedStore
{
    public Task<Incident?> GetAsync(string incidentId, CancellationToken cancellationToken = default) =>
        RunAsync(() => _state.FindIncident(incidentId)?.Incident, cancellationToken);

    public Task<FindOrOpenResult> FindOrOpenAsync(
        string fingerprint, Incident candidate, CancellationToken cancellationToken = default)
    {
        StoreArguments.CheckCandidate(fingerprint, candidate);

        return RunAsync(() =>
        {
            if (_state.OpenIncidentFor(fingerprint) is { } open)
            {
                return new FindOrOpenResult(open.Incident, false);
            }

            if (_state.FindIncident(candidate.Id) is not null)
            {
                throw new InvalidOperationException($"Incident {candidate.Id} exists already; a new incident needs a new id.");
            }

            return new FindOrOpenResult(Commit(new IncidentPut(candidate with { Version = 1 })).Incident, true);
        }, cancellationToken);
    }

    public Task<Incident?> TryUpdateAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return RunAsync(() =>
        {
            var current = _state.FindIncident(incident.Id) ?? throw NoIncident(incident.Id);
            return current.Incident.Version != incident.Version
                ? null
                : Commit(new IncidentPut(incident with { Version = incident.Version + 1 })).Incident;
        }, cancellationToken);
    }

    public Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunAsync(() => _state.Query(query), cancellationToken);
    }

    public Task<bool> DeleteAsync(string incidentId, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        if (_state.FindIncident(incidentId) is null)
        {
            return false;
        }

        Commit(new IncidentsDeleted([incidentId]));
        return true;
    }, cancellationToken);

    public Task<bool> AddAlertAsync(string incidentId, Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return RunAsync(() =>
        {
            var entry = _state.FindIncident(incidentId) ?? throw NoIncident(incidentId);
            if (entry.AlertIds.Contains(alert.Id))
            {
                return false;
            }

            Commit(new AlertAdded(incidentId, alert));
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Alert>> GetAlertsAsync(string incidentId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return RunAsync<IReadOnlyList<Alert>>(
            () => _state.FindIncident(incidentId) is { } entry ? Range(entry.Alerts, 0, limit) : [], cancellationToken);
    }

    public Task AppendTimelineAsync(string incidentId, TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return RunAsync(() =>
        {
            _ = _state.FindIncident(incidentId) ?? throw NoIncident(incidentId);
            return Commit(new TimelineAppended(incidentId, entry));
        }, cancellationToken);
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(
        string incidentId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return RunAsync<IReadOnlyList<TimelineEntry>>(
            () => _state.FindIncident(incidentId) is { } entry ? Range(entry.Timeline, offset, limit) : [],
            cancellationToken);
    }

    public Task<int> PurgeResolvedAsync(DateTimeOffset resolvedBefore, CancellationToken cancellationToken = default) =>
        RunAsync(() =>
        {
            var ids = _state.ResolvedBefore(resolvedBefore);
            if (ids.Count > 0)
            {
                Commit(new IncidentsDeleted(ids));
            }

            return ids.Count;
        }, cancellationToken);

    private static IReadOnlyList<T> Range<T>(ImmutableList<T> items, long start, int count) =>
        start >= items.Count ? [] : items.GetRange((int)start, (int)Math.Min(count, items.Count - start));

    private static KeyNotFoundException NoIncident(string incidentId) => new($"Incident {incidentId} does not exist.");
}
