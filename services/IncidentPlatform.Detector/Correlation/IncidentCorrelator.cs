using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Silences;
using IncidentPlatform.ServiceDefaults.Concurrency;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// Applies alerts to incidents, atomically across replicas: every decision goes through a version-checked write of the
/// store (the fingerprint's <see cref="Route"/>, the incident document) or its atomic find-or-open, and is retried from a
/// fresh read when another replica got there first.
/// <list type="bullet">
/// <item>A firing alert goes to the incident its fingerprint's route points to while that is unresolved; otherwise (see
/// <see cref="CorrelationOptions"/>) it is counted as late, reopens, or opens a new incident — or, with grouping, joins its
/// service's incident.</item>
/// <item>A resolving alert marks its member resolved; when no member of the incident still fires (or each is quiet), the
/// incident resolves. A resolve for a fingerprint without an unresolved incident is ignored (nothing is opened).</item>
/// <item>Idempotent: an alert already applied (its id among the incident's recent ones, or marked in
/// <see cref="AlertProgress"/>) changes nothing again.</item>
/// </list>
/// </summary>
internal sealed partial class IncidentCorrelator(
    IIncidentStore incidents,
    RouteStore routes,
    SilenceCache silences,
    AlertProgress progress,
    CorrelationTimeline timeline,
    IOptions<CorrelationOptions> options,
    TimeProvider time,
    ILogger<IncidentCorrelator> logger)
{
    private const int MaxAttempts = 100;
    private readonly KeyedLock _fingerprints = new();

    private CorrelationOptions Options => options.Value;

    public async Task<CorrelationOutcome> ApplyAsync(Alert alert, CancellationToken cancellationToken)
    {
        if (await progress.GetAsync(alert.Id, cancellationToken) is { } mark)
        {
            return await ReplayAsync(alert, mark, cancellationToken);
        }

        var identity = Fingerprints.For(alert, Options);
        var stamped = alert with { Fingerprint = identity.Fingerprint };
        using var serialized = await _fingerprints.AcquireAsync(identity.Fingerprint, cancellationToken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var outcome = stamped.Status == AlertStatus.Resolved
                ? await TryResolveAsync(stamped, identity, cancellationToken)
                : await TryFireAsync(stamped, identity, cancellationToken);
            if (outcome is not null)
            {
                return outcome;
            }

            // Another replica changed the route or the incident first: decide again from fresh reads.
            await Task.Delay(Random.Shared.Next(0, 2 + attempt), cancellationToken);
        }

        throw new InvalidOperationException(
            $"Alert {alert.Id} could not be correlated: its fingerprint's incident kept changing over {MaxAttempts} attempts.");
    }

    /// <summary>Marks the alert announced, so a redelivery does nothing.</summary>
    public Task CompleteAsync(Alert alert, CorrelationOutcome outcome, CancellationToken cancellationToken) =>
        progress.MarkDoneAsync(alert.Id, outcome.Incident?.Id, cancellationToken);

    // An earlier delivery applied the alert; finish what it may not have: store the alert and announce it.
    private async Task<CorrelationOutcome> ReplayAsync(Alert alert, AlertMark mark, CancellationToken cancellationToken)
    {
        var incident = mark.IncidentId is null ? null : await incidents.GetAsync(mark.IncidentId, cancellationToken);
        if (mark.Done || incident is null)
        {
            CorrelationLog.AlreadyApplied(logger, alert.Id);
            return incident is null ? CorrelationOutcome.Ignored("already applied") : CorrelationOutcome.Duplicate(incident);
        }

        await incidents.AddAlertAsync(incident.Id, alert with { Fingerprint = Fingerprints.For(alert, Options).Fingerprint },
            cancellationToken);
        CorrelationLog.Completing(logger, alert.Id, incident.Id);
        return new CorrelationOutcome(mark.Kind, incident, mark.Changes, mark.Significant, Publish: true,
            incident.Status == IncidentStatus.Resolved ? "resolved by its alerts" : null);
    }

    private static string GroupKey(string service) => "group:" + service.Trim().ToLowerInvariant();

    private bool IsQuiet(Route route, DateTimeOffset now)
    {
        var quiet = Options.QuietPeriod(route.Source);
        return quiet > TimeSpan.Zero && now - route.SeenAt >= quiet;
    }
}
