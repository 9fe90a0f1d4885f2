using System.Text.Json;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Serialization;
using IncidentPlatform.Store;

namespace IncidentPlatform.Notifier.Throttling;

/// <summary>
/// Holds updates of an incident for a channel until the window that the first one opened ends; a later update
/// replaces the held one, so a burst of updates becomes one message with the latest state. Pending updates are
/// documents (owned by the incident), so they survive a restart and every replica sees them.
/// </summary>
internal sealed class UpdateCoalescer(IDocumentStore documents, TimeProvider time)
{
    public const string Collection = "notifier-pending-updates";

    /// <summary>
    /// Holds <paramref name="e"/>; returns the event it replaced, or <paramref name="e"/> itself when a newer update is
    /// already held (then it is not held).
    /// </summary>
    public async Task<NotificationEvent?> DeferAsync(string channel, NotificationEvent e, TimeSpan window, CancellationToken cancellationToken)
    {
        NotificationEvent? replaced = null;
        await documents.UpdateAsync(Collection, Id(channel, e.IncidentId), document =>
        {
            var current = document is null ? null : Read(document.Json);
            if (current is not null && Version(current.Event) > Version(e))
            {
                replaced = e;
                return null;
            }

            if (current is { ClaimedUntil: null } && current.Event.Key == e.Key)
            {
                replaced = null;
                return null; // the same update again (a redelivery): it is already held
            }

            var pending = current is null || current.ClaimedUntil is not null
                ? new PendingUpdate { Channel = channel, Event = e, DueAt = time.GetUtcNow() + window }
                : current with { Event = e };
            replaced = current?.ClaimedUntil is null ? current?.Event : null;
            return JsonSerializer.Serialize(pending, NotifierJsonContext.Default.PendingUpdate);
        }, e.IncidentId, cancellationToken);
        return replaced;
    }

    /// <summary>Drops the held update (the incident resolved); returns it.</summary>
    public async Task<NotificationEvent?> DiscardAsync(string channel, string incidentId, CancellationToken cancellationToken)
    {
        var id = Id(channel, incidentId);
        var document = await documents.GetAsync(Collection, id, cancellationToken);
        return document is not null && await documents.DeleteAsync(Collection, id, cancellationToken)
            ? Read(document.Json).Event
            : null;
    }

    /// <summary>Claims the updates that are due; each must be completed with <see cref="CompleteAsync"/>.</summary>
    public async Task<IReadOnlyList<(PendingUpdate Update, long Version)>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = new List<(PendingUpdate, long)>();
        foreach (var document in await documents.ListAsync(Collection, null, 1000, cancellationToken))
        {
            var pending = Read(document.Json);
            if (pending.DueAt > now || pending.ClaimedUntil > now)
            {
                continue;
            }

            var claim = pending with { ClaimedUntil = now + TimeSpan.FromMinutes(5) };
            var version = await documents.TryPutAsync(Collection, document.Id,
                JsonSerializer.Serialize(claim, NotifierJsonContext.Default.PendingUpdate), document.Version, null, cancellationToken);
            if (version is { } v)
            {
                claimed.Add((claim, v));
            }
        }

        return claimed;
    }

    /// <summary>Removes a sent update, unless a newer one replaced it meanwhile.</summary>
    public async Task CompleteAsync(PendingUpdate update, long version, CancellationToken cancellationToken)
    {
        var id = Id(update.Channel, update.Event.IncidentId);
        var document = await documents.GetAsync(Collection, id, cancellationToken);
        if (document?.Version == version)
        {
            await documents.DeleteAsync(Collection, id, cancellationToken);
        }
    }

    private static long Version(NotificationEvent e) => e.Incident?.Version ?? 0;

    private static PendingUpdate Read(string json) =>
        JsonSerializer.Deserialize(json, NotifierJsonContext.Default.PendingUpdate)!;

    private static string Id(string channel, string incidentId) => $"{channel}|{incidentId}";
}
