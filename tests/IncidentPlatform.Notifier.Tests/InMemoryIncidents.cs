using IncidentPlatform.Contracts;
using IncidentPlatform.Store;

namespace IncidentPlatform.Notifier.Tests;

/// <summary>
/// An in-memory <see cref="IIncidentStore"/> honouring the documented semantics (versions, fingerprints released on
/// resolve, newest-first listing), for the notifier tests until the embedded store is on main.
/// </summary>
internal sealed class InMemoryIncidents : IIncidentStore
{
    private readonly Dictionary<string, Incident> _incidents = [];
    private readonly Dictionary<string, string> _fingerprints = [];
    private readonly Dictionary<string, List<Alert>> _alerts = [];
    private readonly Dictionary<string, List<TimelineEntry>> _timelines = [];

    /// <summary>Stores an incident as given (test setup).</summary>
    public Incident Put(Incident incident)
    {
        lock (_incidents)
        {
            _incidents[incident.Id] = incident;
            if (incident.Status != IncidentStatus.Resolved)
            {
                _fingerprints[incident.Fingerprint] = incident.Id;
            }

            return incident;
        }
    }

    public Task<Incident?> GetAsync(string incidentId, CancellationToken cancellationToken = default)
    {
        lock (_incidents)
        {
            return Task.FromResult(_incidents.GetValueOrDefault(incidentId));
        }
    }

    public Task<FindOrOpenResult> FindOrOpenAsync(string fingerprint, Incident candidate, CancellationToken cancellationToken = default)
    {
        lock (_incidents)
        {
            if (_fingerprints.TryGetValue(fingerprint, out var id))
            {
                return Task.FromResult(new FindOrOpenResult(_incidents[id], false));
            }

            var stored = Put(candidate with { Version = 1 });
            return Task.FromResult(new FindOrOpenResult(stored, true));
        }
    }

    public Task<Incident?> TryUpdateAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        lock (_incidents)
        {
            var current = _incidents.GetValueOrDefault(incident.Id) ?? throw new KeyNotFoundException(incident.Id);
            if (current.Version != incident.Version)
            {
                return Task.FromResult<Incident?>(null);
            }

            if (incident.Status == IncidentStatus.Resolved)
            {
                _fingerprints.Remove(incident.Fingerprint);
            }

            return Task.FromResult<Incident?>(Put(incident with { Version = incident.Version + 1 }));
        }
    }

    public Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken = default)
    {
        lock (_incidents)
        {
            var skip = query.Cursor is null ? 0 : int.Parse(query.Cursor);
            var size = Math.Clamp(query.PageSize, 1, 500);
            var matching = _incidents.Values
                .Where(i => (query.Status is null || i.Status == query.Status) && (query.Service is null || i.Service == query.Service) &&
                            (query.MinSeverity is null || i.Severity >= query.MinSeverity) &&
                            (query.Since is null || i.UpdatedAt >= query.Since) && (query.Until is null || i.UpdatedAt < query.Until) &&
                            (string.IsNullOrEmpty(query.Text) || $"{i.Title} {i.Service} {i.Id}".Contains(query.Text, StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id, StringComparer.Ordinal).ToList();
            var page = matching.Skip(skip).Take(size).ToList();
            var next = skip + size < matching.Count ? (skip + size).ToString() : null;
            return Task.FromResult(new IncidentPage(page, next));
        }
    }

    public Task<bool> DeleteAsync(string incidentId, CancellationToken cancellationToken = default)
    {
        lock (_incidents)
        {
            if (!_incidents.Remove(incidentId, out var incident))
            {
                return Task.FromResult(false);
            }

            if (_fingerprints.GetValueOrDefault(incident.Fingerprint) == incidentId)
            {
                _fingerprints.Remove(incident.Fingerprint);
            }

            _alerts.Remove(incidentId);
            _timelines.Remove(incidentId);
            return Task.FromResult(true);
        }
    }

    public Task<bool> AddAlertAsync(string incidentId, Alert alert, CancellationToken cancellationToken = default)
    {
        lock (_incidents)
        {
            if (!_incidents.ContainsKey(incidentId))
            {
                throw new KeyNotFoundException(incidentId);
            }

            var alerts = _alerts.TryGetValue(incidentId, out var list) ? list : _alerts[incidentId] = [];
            if (alerts.Any(a => a.Id == alert.Id))
            {
                return Task.FromResult(false);
            }

            alerts.Insert(0, alert);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<Alert>> GetAlertsAsync(string incidentId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_incidents)
        {
            IReadOnlyList<Alert> alerts = [.. _alerts.GetValueOrDefault(incidentId, []).Take(limit)];
            return Task.FromResult(alerts);
        }
    }

    public Task AppendTimelineAsync(string incidentId, TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_incidents)
        {
            if (!_incidents.ContainsKey(incidentId))
            {
                throw new KeyNotFoundException(incidentId);
            }

            (_timelines.TryGetValue(incidentId, out var list) ? list : _timelines[incidentId] = []).Add(entry);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string incidentId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        lock (_incidents)
        {
            IReadOnlyList<TimelineEntry> entries = [.. _timelines.GetValueOrDefault(incidentId, []).Skip(offset).Take(limit)];
            return Task.FromResult(entries);
        }
    }

    public async Task<int> PurgeResolvedAsync(DateTimeOffset resolvedBefore, CancellationToken cancellationToken = default)
    {
        List<string> old;
        lock (_incidents)
        {
            old = [.. _incidents.Values.Where(i => i.Status == IncidentStatus.Resolved && (i.ResolvedAt ?? i.UpdatedAt) < resolvedBefore).Select(i => i.Id)];
        }

        foreach (var id in old)
        {
            await DeleteAsync(id, cancellationToken);
        }

        return old.Count;
    }
}
