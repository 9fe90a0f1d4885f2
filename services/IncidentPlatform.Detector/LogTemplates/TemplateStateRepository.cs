using System.Text.Json;
using IncidentPlatform.Store;

namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// Keeps each source's miner state in the document store (collection <c>templates</c>, one document per source), so
/// template ids survive restarts and are shared by replicas. Writes are optimistic: a save that finds the document
/// changed since it was read (another replica saved) reloads it, merges it into the local miner
/// (<see cref="TemplateMiner.Merge"/>: a union, so no replica's id is lost) and tries again.
/// </summary>
internal sealed class TemplateStateRepository(IDocumentStore store)
{
    public const string Collection = "templates";
    private const int MaxAttempts = 5;

    /// <summary>The source's miner as last saved, or a new one; with the version to save against.</summary>
    public async Task<SavedMiner> LoadAsync(string sourceId, TemplateMinerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var document = await store.GetAsync(Collection, sourceId, cancellationToken);
        if (document is null)
        {
            return new SavedMiner(new TemplateMiner(options), 0);
        }

        var snapshot = Deserialize(document.Json);
        return snapshot.Format == TemplateSnapshot.CurrentFormat
            ? new SavedMiner(TemplateMiner.Restore(snapshot, options), document.Version)
            : new SavedMiner(new TemplateMiner(options), document.Version, Outdated: true);
    }

    /// <summary>
    /// Saves the miner's state; returns the version now stored. The miner must not be used by another thread meanwhile
    /// (its owner calls this under the same lock as <see cref="TemplateMiner.Add"/>).
    /// </summary>
    public async Task<long> SaveAsync(string sourceId, TemplateMiner miner, long expectedVersion, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var json = JsonSerializer.Serialize(miner.ToSnapshot(), TemplateJsonContext.Default.TemplateSnapshot);
            var version = await store.TryPutAsync(Collection, sourceId, json, expectedVersion, cancellationToken: cancellationToken);
            if (version is { } saved)
            {
                return saved;
            }

            // Someone else saved first: take what they learnt, then write the union over their version.
            var current = await store.GetAsync(Collection, sourceId, cancellationToken);
            if (current is not null && Deserialize(current.Json) is { Format: TemplateSnapshot.CurrentFormat } theirs)
            {
                miner.Merge(theirs); // a state of an older format is written over, as loading it would have been
            }

            expectedVersion = current?.Version ?? 0;
        }

        throw new InvalidOperationException(
            $"Could not save the templates of '{sourceId}': the document changed under every one of {MaxAttempts} attempts.");
    }

    private static TemplateSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize(json, TemplateJsonContext.Default.TemplateSnapshot)
        ?? throw new InvalidDataException("The stored template state is empty.");
}
