using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>
/// Exactly-once per (incident, event, channel) across redeliveries and replicas: a short claim
/// (<see cref="IIdempotencyStore"/>) while one consumer sends, and a long-lived "done" marker once the outcome is
/// recorded. A consumer that crashes mid-send leaves only the short claim, which expires, so the redelivered message
/// is sent then rather than lost.
/// </summary>
internal sealed class DeliveryIdempotency(IIdempotencyStore claims, ICacheStore markers, IOptions<NotifierOptions> options)
{
    /// <summary>How long one consumer may hold a send before another may take it over.</summary>
    public static readonly TimeSpan ClaimTtl = TimeSpan.FromMinutes(5);

    public static string Key(string incidentId, string eventType, string eventKey, string channel) =>
        $"{incidentId}:{eventType}:{eventKey}:{channel}";

    public async Task<bool> IsDoneAsync(string key, CancellationToken cancellationToken) =>
        await markers.GetAsync("notifier:done:" + key, cancellationToken) is not null;

    /// <summary>Claims the send; false when another consumer holds it.</summary>
    public Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken) =>
        claims.TryClaimAsync("notifier:sending:" + key, ClaimTtl, cancellationToken);

    public Task ReleaseAsync(string key) => claims.ReleaseAsync("notifier:sending:" + key, CancellationToken.None);

    public Task MarkDoneAsync(string key, string deliveryId, CancellationToken cancellationToken) =>
        markers.SetAsync("notifier:done:" + key, deliveryId, options.Value.IdempotencyTtl, cancellationToken);
}
