using System.Collections.Concurrent;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;

namespace IncidentPlatform.Analysis.Tests.Infrastructure;

/// <summary>An in-memory <see cref="IIncidentStore"/> with the interface's documented semantics (versions, ordering,
/// filters, alerts newest first, append-only timelines), standing in until the embedded store is on main.</summary>
internal sealed class InMemoryIncidentStore : IIncidentStore
{
    private readonly ConcurrentDictionary<string, Incident> _incidents = new();
    private readonly ConcurrentDictionary<string, List<Alert>> _alerts = new();
    private readonly ConcurrentDictionary<string, List<TimelineEntry>> _timelines = new();
    private readonly Lock _lock = new();

    public Task<Incident?> GetAsync(string incidentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_incidents.GetValueOrDefault(incidentId));

    public Task<FindOrOpenResult> FindOrOpenAsync(string fingerprint, Incident candidate, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var open = _incidents.Values.FirstOrDefault(i => i.Fingerprint == fingerprint && i.Status != IncidentStatus.Resolved);
            if (open is not null)
            {
                return Task.FromResult(new FindOrOpenResult(open, false));
            }

            var stored = candidate with { Version = 1 };
            _incidents[stored.Id] = stored;
            return Task.FromResult(new FindOrOpenResult(stored, true));
        }
    }

    public Task<Incident?> TryUpdateAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_incidents.TryGetValue(incident.Id, out var current))
            {
                throw new KeyNotFoundException(incident.Id);
            }

            if (current.Version != incident.Version)
            {
                return Task.FromResult<Incident?>(null);
            }

            var stored = incident with { Version = current.Version + 1 };
            _incidents[incident.Id] = stored;
            return Task.FromResult<Incident?>(stored);
        }
    }

    public Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken = default)
    {
        var offset = query.Cursor is null ? 0 : int.Parse(query.Cursor, System.Globalization.CultureInfo.InvariantCulture);
        var matching = _incidents.Values
            .Where(i => query.Status is null || i.Status == query.Status)
            .Where(i => query.Service is null || i.Service == query.Service)
            .Where(i => query.MinSeverity is null || i.Severity >= query.MinSeverity)
            .Where(i => query.Since is null || i.UpdatedAt >= query.Since)
            .Where(i => query.Until is null || i.UpdatedAt < query.Until)
            .Where(i => query.Text is null || $"{i.Title} {i.Service} {i.Id}".Contains(query.Text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id, StringComparer.Ordinal)
            .ToList();
        var page = matching.Skip(offset).Take(query.PageSize).ToList();
        var next = offset + page.Count < matching.Count ? (offset + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new IncidentPage(page, next));
    }

    public Task<bool> DeleteAsync(string incidentId, CancellationToken cancellationToken = default)
    {
        _alerts.TryRemove(incidentId, out _);
        _timelines.TryRemove(incidentId, out _);
        return Task.FromResult(_incidents.TryRemove(incidentId, out _));
    }

    public Task<bool> AddAlertAsync(string incidentId, Alert alert, CancellationToken cancellationToken = default)
    {
        if (!_incidents.ContainsKey(incidentId))
        {
            throw new KeyNotFoundException(incidentId);
        }

        var alerts = _alerts.GetOrAdd(incidentId, _ => []);
        lock (alerts)
        {
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
        var alerts = _alerts.GetValueOrDefault(incidentId) ?? [];
        lock (alerts)
        {
            return Task.FromResult<IReadOnlyList<Alert>>([.. alerts.Take(limit)]);
        }
    }

    public Task AppendTimelineAsync(string incidentId, TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        if (!_incidents.ContainsKey(incidentId))
        {
            throw new KeyNotFoundException(incidentId);
        }

        var timeline = _timelines.GetOrAdd(incidentId, _ => []);
        lock (timeline)
        {
            timeline.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string incidentId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        var timeline = _timelines.GetValueOrDefault(incidentId) ?? [];
        lock (timeline)
        {
            return Task.FromResult<IReadOnlyList<TimelineEntry>>([.. timeline.Skip(offset).Take(limit)]);
        }
    }

    public Task<int> PurgeResolvedAsync(DateTimeOffset resolvedBefore, CancellationToken cancellationToken = default)
    {
        var purged = _incidents.Values.Where(i => i.Status == IncidentStatus.Resolved && (i.ResolvedAt ?? i.UpdatedAt) < resolvedBefore).ToList();
        foreach (var incident in purged)
        {
            DeleteAsync(incident.Id, cancellationToken);
        }

        return Task.FromResult(purged.Count);
    }
}
