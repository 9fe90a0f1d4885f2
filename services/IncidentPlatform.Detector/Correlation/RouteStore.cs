using System.Text.Json;
using IncidentPlatform.Store;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>The route documents: one per fingerprint, owned by the incident it points to.</summary>
internal sealed class RouteStore(IDocumentStore documents)
{
    public const string Collection = "correlation-routes";

    /// <summary>More members than this in one incident's routes and the incident is not resolved by member state.</summary>
    public const int MaxListed = 1000;

    public async Task<StoredRoute?> GetAsync(string fingerprint, CancellationToken cancellationToken)
    {
        var stored = await documents.GetAsync(Collection, IdOf(fingerprint), cancellationToken);
        return stored is null ? null : new StoredRoute(Parse(stored.Json), stored.Version);
    }

    /// <summary>Writes the route if its version is still <paramref name="expectedVersion"/>; null when someone else wrote first.</summary>
    public async Task<StoredRoute?> TryPutAsync(Route route, long expectedVersion, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(route, CorrelationJsonContext.Default.Route);
        var version = await documents.TryPutAsync(
            Collection, IdOf(route.Fingerprint), json, expectedVersion, route.IncidentId, cancellationToken);
        return version is { } v ? new StoredRoute(route, v) : null;
    }

    /// <summary>The routes owned by (pointing to) the incident; at most <see cref="MaxListed"/>.</summary>
    public async Task<IReadOnlyList<Route>> OwnedByAsync(string incidentId, CancellationToken cancellationToken)
    {
        var owned = await documents.ListAsync(Collection, incidentId, MaxListed, cancellationToken);
        return [.. owned.Select(d => Parse(d.Json)).Where(r => r.IncidentId == incidentId)];
    }

    /// <summary>Deletes the routes of an incident that no longer exists (purged or deleted).</summary>
    public async Task<int> DeleteOwnedByAsync(string incidentId, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var document in await documents.ListAsync(Collection, incidentId, MaxListed, cancellationToken))
        {
            deleted += await documents.DeleteAsync(Collection, document.Id, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }

    // Fingerprints may be long ARNs with any characters; document ids stay short and plain.
    private static string IdOf(string fingerprint) => "rt-" + Fingerprints.Hash(fingerprint);

    private static Route Parse(string json) =>
        JsonSerializer.Deserialize(json, CorrelationJsonContext.Default.Route)
        ?? throw new InvalidDataException("A correlation route document is empty.");
}
