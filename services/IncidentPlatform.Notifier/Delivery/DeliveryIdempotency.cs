using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>
/// Exactly-once per (incident, event, channel) across redeliveries and replicas: a sending claim (a lease renewed for as
/// long as the send lasts, rate-limit waits and retries included) while one consumer sends, and a long-lived "done"
/// marker once the outcome is recorded. A consumer that crashes mid-send stops renewing its claim, which expires within
/// <see cref="NotifierOptions.SendingClaim"/>, so the redelivered message is sent then rather than lost.
/// </summary>
internal sealed class DeliveryIdempotency(
    ILeaseStore leases, ICacheStore markers, IOptions<NotifierOptions> options, ILogger<DeliveryIdempotency> logger)
{
    public static string Key(string incidentId, string eventType, string eventKey, string channel) =>
        $"{incidentId}:{eventType}:{eventKey}:{channel}";

    public async Task<bool> IsDoneAsync(string key, CancellationToken cancellationToken) =>
        await markers.GetAsync("notifier:done:" + key, cancellationToken) is not null;

    /// <summary>Claims the send and keeps the claim while it lasts; null when another consumer holds it.</summary>
    public Task<RenewedLease?> TryClaimAsync(string key, CancellationToken cancellationToken) =>
        Lease("notifier:sending:" + key, cancellationToken);

    /// <summary>A lease renewed while its holder works (also the per-incident thread lock of the dispatcher).</summary>
    public Task<RenewedLease?> Lease(string name, CancellationToken cancellationToken) =>
        RenewedLease.TryAcquireAsync(leases, name, Guid.NewGuid().ToString("N"), options.Value.SendingClaim, logger, cancellationToken);

    public Task MarkDoneAsync(string key, string deliveryId, CancellationToken cancellationToken) =>
        markers.SetAsync("notifier:done:" + key, deliveryId, options.Value.IdempotencyTtl, cancellationToken);
}
