using System.Collections.Immutable;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store.Embedded;

internal sealed partial class StoreState
{
    private readonly Dictionary<string, IncidentEntry> _incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fingerprints = new(StringComparer.Ordinal);
    private readonly SortedSet<IncidentKey> _byUpdate = new(IncidentKey.NewestFirst);

    public int IncidentCount => _incidents.Count;

    public IncidentEntry? FindIncident(string id) => _incidents.GetValueOrDefault(id);

    /// <summary>The unresolved incident that holds the fingerprint, or null.</summary>
    public IncidentEntry? OpenIncidentFor(string fingerprint) =>
        _fingerprints.TryGetValue(fingerprint, out var id) ? _incidents[id] : null;

    /// <summary>Ids of the incidents resolved before the time (by ResolvedAt, or UpdatedAt when that is missing).</summary>
    public List<string> ResolvedBefore(DateTimeOffset time) =>
    [
        .. _incidents.Values
            .Where(e => e.Incident.Status == IncidentStatus.Resolved &&
                        (e.Incident.ResolvedAt ?? e.Incident.UpdatedAt) < time)
            .Select(e => e.Incident.Id),
    ];

    private void PutIncident(Incident incident)
    {
        var id = incident.Id;
        if (_incidents.TryGetValue(id, out var entry))
        {
            var old = entry.Incident;
            _byUpdate.Remove(IncidentKey.Of(old));
            if (HoldsFingerprint(old) && (incident.Status == IncidentStatus.Resolved || incident.Fingerprint != old.Fingerprint))
            {
                _fingerprints.Remove(old.Fingerprint);
            }

            entry = entry with { Incident = incident };
        }
        else
        {
            entry = new IncidentEntry(incident, [], ImmutableHashSet.Create<string>(StringComparer.Ordinal), []);
        }

        _incidents[id] = entry;
        _byUpdate.Add(IncidentKey.Of(incident));
        if (incident.Status != IncidentStatus.Resolved)
        {
            // An unresolved incident holds its fingerprint unless another unresolved incident already does.
            _fingerprints.TryAdd(incident.Fingerprint, id);
        }
    }

    private void DeleteIncidents(IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
        {
            if (!_incidents.Remove(id, out var entry))
            {
                throw Inconsistent($"incident {id} deleted but not present");
            }

            _byUpdate.Remove(IncidentKey.Of(entry.Incident));
            if (HoldsFingerprint(entry.Incident))
            {
                _fingerprints.Remove(entry.Incident.Fingerprint);
            }
        }
    }

    private void AddAlert(string incidentId, Alert alert)
    {
        var entry = Existing(incidentId);
        var alerts = entry.Alerts.Insert(0, alert);
        while (alerts.Count > maxAlertsPerIncident)
        {
            alerts = alerts.RemoveAt(alerts.Count - 1);
        }

        _incidents[incidentId] = entry with { Alerts = alerts, AlertIds = entry.AlertIds.Add(alert.Id) };
    }

    private void AppendTimeline(string incidentId, TimelineEntry line)
    {
        var entry = Existing(incidentId);
        _incidents[incidentId] = entry with { Timeline = entry.Timeline.Add(line) };
    }

    private void RestoreIncident(IncidentRestored restored)
    {
        var incident = restored.Incident;
        if (_incidents.ContainsKey(incident.Id))
        {
            throw Inconsistent($"incident {incident.Id} restored twice");
        }

        var alerts = restored.Alerts.Take(maxAlertsPerIncident).ToImmutableList();
        _incidents[incident.Id] = new IncidentEntry(
            incident, alerts, restored.AlertIds.ToImmutableHashSet(StringComparer.Ordinal), [.. restored.Timeline]);
        _byUpdate.Add(IncidentKey.Of(incident));
    }

    private void RestoreFingerprints(IReadOnlyDictionary<string, string> map)
    {
        _fingerprints.Clear();
        foreach (var (fingerprint, id) in map)
        {
            if (!_incidents.ContainsKey(id))
            {
                throw Inconsistent($"fingerprint {fingerprint} held by missing incident {id}");
            }

            _fingerprints[fingerprint] = id;
        }
    }

    private bool HoldsFingerprint(Incident incident) =>
        _fingerprints.TryGetValue(incident.Fingerprint, out var holder) && holder == incident.Id;

    private IncidentEntry Existing(string incidentId) =>
        _incidents.GetValueOrDefault(incidentId) ?? throw Inconsistent($"incident {incidentId} is missing");
}
