using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Serialization;
using IncidentPlatform.Store;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>
/// Remediations as versioned documents (collection <c>remediations</c>, owner = incident id). Every change is a
/// compare-and-set on the document version: of two writers starting from the same version, exactly one succeeds —
/// which is how a transition (such as Approved → Executing) is claimed once across replicas.
/// </summary>
internal sealed class RemediationRepository(IDocumentStore store)
{
    /// <summary>The collection of remediations.</summary>
    public const string Collection = "remediations";

    /// <summary>The collection of the open-remediation index.</summary>
    public const string OpenCollection = "remediations-open";

    /// <summary>The remediation, with its stored version, or null.</summary>
    public async Task<Contracts.Remediation?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(Collection, id, cancellationToken);
        return document is null ? null : Read(document);
    }

    /// <summary>The remediations of an incident, oldest first.</summary>
    public async Task<IReadOnlyList<Contracts.Remediation>> ListAsync(string incidentId, CancellationToken cancellationToken)
    {
        var documents = await store.ListAsync(Collection, incidentId, 1000, cancellationToken);
        return [.. documents.Select(Read)];
    }

    /// <summary>Stores a new remediation (version 1); null when one with its id exists already.</summary>
    public async Task<Contracts.Remediation?> TryCreateAsync(Contracts.Remediation remediation, CancellationToken cancellationToken)
    {
        var created = remediation with { Version = 1 };
        var version = await store.TryPutAsync(Collection, remediation.Id, Write(created), 0, remediation.IncidentId, cancellationToken);
        return version is null ? null : created;
    }

    /// <summary>
    /// Stores <paramref name="changed"/> if the stored version is still <c>changed.Version</c>; returns it with its new
    /// version, or null when someone else changed the remediation first.
    /// </summary>
    public async Task<Contracts.Remediation?> TryUpdateAsync(Contracts.Remediation changed, CancellationToken cancellationToken)
    {
        var next = changed with { Version = changed.Version + 1 };
        var version = await store.TryPutAsync(Collection, changed.Id, Write(next), changed.Version, changed.IncidentId, cancellationToken);
        return version is null ? null : next;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored remediation with a version check, reading it again after a
    /// conflict; null from <paramref name="change"/> leaves it as it is. Returns the remediation as written or as it is
    /// (null when there is none) and whether this call wrote it; throws <see cref="StoreConflictException"/> when it
    /// kept changing.
    /// </summary>
    public async Task<(Contracts.Remediation? Remediation, bool Written)> UpdateAsync(
        string id, Func<Contracts.Remediation, Contracts.Remediation?> change, CancellationToken cancellationToken)
    {
        var update = await store.UpdateAsync(Collection, id, document =>
            document is not null && Read(document) is var current && change(current) is { } next
                ? Write(next with { Version = current.Version + 1 })
                : null, cancellationToken: cancellationToken);
        return (update.Document is null ? null : Read(update.Document), update.Written);
    }

    /// <summary>Adds the remediation to the open index (nothing when it is there already).</summary>
    public async Task OpenAsync(Contracts.Remediation remediation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = new OpenRemediation(remediation.Id, remediation.IncidentId, now);
        await store.TryPutAsync(OpenCollection, remediation.Id,
            JsonSerializer.Serialize(entry, RemediationJsonContext.Default.OpenRemediation), 0, remediation.IncidentId,
            cancellationToken);
    }

    /// <summary>Removes the remediation from the open index.</summary>
    public Task CloseAsync(string remediationId, CancellationToken cancellationToken) =>
        store.DeleteAsync(OpenCollection, remediationId, cancellationToken);

    /// <summary>The open index, oldest first.</summary>
    public async Task<IReadOnlyList<OpenRemediation>> ListOpenAsync(int limit, CancellationToken cancellationToken)
    {
        var documents = await store.ListAsync(OpenCollection, null, limit, cancellationToken);
        return [.. documents.Select(d => JsonSerializer.Deserialize(d.Json, RemediationJsonContext.Default.OpenRemediation)!)];
    }

    /// <summary>The stored form of a remediation.</summary>
    public static string Write(Contracts.Remediation remediation) =>
        JsonSerializer.Serialize(remediation, RemediationJsonContext.Default.Remediation);

    private static Contracts.Remediation Read(StoredDocument document) =>
        JsonSerializer.Deserialize(document.Json, RemediationJsonContext.Default.Remediation)! with { Version = document.Version };
}
