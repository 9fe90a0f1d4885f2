using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Silences;

/// <summary>Silences as documents in the <c>silences</c> collection, which the detector reads.</summary>
internal sealed class SilenceStore(IDocumentStore documents)
{
    /// <summary>The collection (the detector's <c>SilenceCache.Collection</c>).</summary>
    public const string Collection = "silences";

    public async Task<IReadOnlyList<Silence>> ListAsync(CancellationToken ct) =>
        [.. (await documents.ListAsync(Collection, limit: 10_000, cancellationToken: ct)).Select(d => Parse(d.Json)).OfType<Silence>()];

    public async Task<(Silence Silence, long Version)?> GetAsync(string id, CancellationToken ct) =>
        await documents.GetAsync(Collection, id, ct) is { } stored && Parse(stored.Json) is { } silence
            ? (silence, stored.Version)
            : null;

    public async Task<bool> TryPutAsync(Silence silence, long expectedVersion, CancellationToken ct) =>
        await documents.TryPutAsync(Collection, silence.Id,
            JsonSerializer.Serialize(silence, SilenceJsonContext.Default.Silence), expectedVersion, cancellationToken: ct) is not null;

    /// <summary>
    /// Applies <paramref name="change"/> (null: no change) with a version check; null when there is no such silence,
    /// else whether this call wrote it. Throws <see cref="StoreConflictException"/> when it kept changing.
    /// </summary>
    public async Task<bool?> UpdateAsync(string id, Func<Silence, Silence?> change, CancellationToken ct)
    {
        var update = await documents.UpdateAsync(Collection, id, stored =>
            stored is not null && Parse(stored.Json) is { } silence && change(silence) is { } changed
                ? JsonSerializer.Serialize(changed, SilenceJsonContext.Default.Silence)
                : null, cancellationToken: ct);
        return update.Document is { } document && Parse(document.Json) is not null ? update.Written : null;
    }

    private static Silence? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, SilenceJsonContext.Default.Silence);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
