using System.Globalization;
using System.Text.Json;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Inbox;

/// <summary>
/// The durable inbox of the intake, in the store's document collection <c>inbox</c>, one document per accepted
/// message under the message's id. Writing it is the ONE store operation that both keeps the message and sets the
/// "already accepted" marker (a create that fails when the id exists), so a marker never exists without its message.
/// Pending entries belong to the owner <c>pending</c> (what the relay resumes); a done entry drops its message and moves
/// to the owner <c>done:yyyyMMddHH</c> (its hour), and is deleted a day later by <see cref="PurgeAsync"/>: retries are
/// recognised for a day, as before.
/// </summary>
internal sealed class AlertInbox(IDocumentStore documents, ICheckpointStore checkpoints, TimeProvider time)
{
    public const string Collection = "inbox";
    public const string Pending = "pending";
    private const string DonePrefix = "done:";
    private const string HourFormat = "yyyyMMddHH";
    private const string PurgeCheckpoint = "gateway:inbox:purged-through";
    /// <summary>How long a sender's alert id is remembered: a retry within it is dropped (PagerDuty's replay window is at most this).</summary>
    public static readonly TimeSpan RetryMemory = TimeSpan.FromDays(1);

    /// <summary>
    /// Stores the entry as pending; false when an entry with this id exists (a retry of an accepted delivery). Not
    /// cancellable: once the store is asked, the answer to the sender must follow what it did.
    /// </summary>
    public async Task<bool> TryAddAsync(string id, InboxEntry entry) =>
        await documents.TryPutAsync(Collection, id, Serialize(entry), expectedVersion: 0, owner: Pending, CancellationToken.None)
            is not null;

    /// <summary>Marks the entry done (its message dropped); nothing happens when it is done already or unknown.</summary>
    public Task MarkDoneAsync(string id, CancellationToken ct) =>
        documents.TryPutAsync(Collection, id, Serialize(new InboxEntry()), expectedVersion: 1,
            owner: DonePrefix + time.GetUtcNow().ToString(HourFormat, CultureInfo.InvariantCulture), ct);

    /// <summary>The oldest pending entries, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<(string Id, InboxEntry Entry)>> PendingAsync(int limit, CancellationToken ct) =>
        [.. (await documents.ListAsync(Collection, Pending, limit, ct)).Select(d => (d.Id, Deserialize(d.Json)))];

    /// <summary>Deletes the done entries of every whole hour older than a day not purged yet; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var through = Hour(time.GetUtcNow() - RetryMemory) - TimeSpan.FromHours(1);
        var last = await checkpoints.GetAsync(PurgeCheckpoint, ct);
        var hour = last is null
            ? through - RetryMemory
            : DateTimeOffset.ParseExact(last, HourFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) + TimeSpan.FromHours(1);
        var deleted = 0;
        for (; hour <= through; hour += TimeSpan.FromHours(1))
        {
            var owner = DonePrefix + hour.ToString(HourFormat, CultureInfo.InvariantCulture);
            IReadOnlyList<StoredDocument> batch;
            while ((batch = await documents.ListAsync(Collection, owner, 1000, ct)).Count > 0)
            {
                foreach (var document in batch)
                {
                    deleted += await documents.DeleteAsync(Collection, document.Id, ct) ? 1 : 0;
                }
            }

            await checkpoints.SetAsync(PurgeCheckpoint, hour.ToString(HourFormat, CultureInfo.InvariantCulture), ct);
        }

        return deleted;
    }

    private static DateTimeOffset Hour(DateTimeOffset t) => new(t.UtcDateTime.Year, t.UtcDateTime.Month, t.UtcDateTime.Day, t.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

    private static string Serialize(InboxEntry entry) => JsonSerializer.Serialize(entry, InboxJsonContext.Default.InboxEntry);

    private static InboxEntry Deserialize(string json) =>
        JsonSerializer.Deserialize(json, InboxJsonContext.Default.InboxEntry) ?? new InboxEntry();
}
