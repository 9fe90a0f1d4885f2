using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;

namespace IncidentPlatform.Store.DeadLetters;

/// <summary>
/// Dead letters as documents of the collection <c>dead-letters</c> (one owner, so listing is oldest first): durable in
/// both stores, which makes it the standalone host's error queue (its in-memory transport's <c>_error</c> queues end with
/// the process) and the operators' list of every service's error queues in the distributed mode.
/// </summary>
internal sealed class DocumentDeadLetterStore(IDocumentStore documents) : IDeadLetterStore
{
    public const string Collection = "dead-letters";
    private const string Owner = "dead";

    public Task RecordAsync(DeadLetter deadLetter, CancellationToken cancellationToken) =>
        documents.TryPutAsync(Collection, deadLetter.Id, JsonSerializer.Serialize(deadLetter, DeadLetterJsonContext.Default.DeadLetter),
            expectedVersion: 0, Owner, cancellationToken);

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync(Collection, Owner, limit, cancellationToken)).Select(Read)];

    public async Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken) =>
        await documents.GetAsync(Collection, id, cancellationToken) is { } document ? Read(document) : null;

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => documents.DeleteAsync(Collection, id, cancellationToken);

    private static DeadLetter Read(StoredDocument document) =>
        JsonSerializer.Deserialize(document.Json, DeadLetterJsonContext.Default.DeadLetter)!;
}

/// <summary>Dead letters as stored.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeadLetter))]
internal sealed partial class DeadLetterJsonContext : JsonSerializerContext;
