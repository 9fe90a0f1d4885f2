using IncidentPlatform.Store;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// How far an alert got, so a redelivery neither counts it twice nor loses its event: <c>applied</c> right after its
/// incident counted it (then a redelivery only completes storing and announcing it), <c>done</c> once its event is
/// published (then a redelivery does nothing). Kept for a day, as long as the gateway remembers retried alerts.
/// An alert whose count was stored but not yet marked is still recognised by the incident's recent alert ids.
/// </summary>
internal sealed class AlertProgress(ICacheStore cache)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private const string Done = "done";

    public async Task<AlertMark?> GetAsync(string alertId, CancellationToken cancellationToken)
    {
        var value = await cache.GetAsync(Key(alertId), cancellationToken);
        if (value is null)
        {
            return null;
        }

        if (value.StartsWith(Done, StringComparison.Ordinal))
        {
            var incidentId = value.Length > Done.Length + 1 ? value[(Done.Length + 1)..] : null;
            return new AlertMark(true, incidentId, CorrelationKind.Duplicate, [], false);
        }

        // applied|kind|incident|significant|change,change
        var parts = value.Split('|');
        return parts.Length == 5 && Enum.TryParse<CorrelationKind>(parts[1], out var kind)
            ? new AlertMark(false, parts[2].Length == 0 ? null : parts[2], kind,
                parts[4].Split(',', StringSplitOptions.RemoveEmptyEntries), parts[3] == "1")
            : null;
    }

    public Task MarkAppliedAsync(string alertId, CorrelationOutcome outcome, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(alertId),
            $"applied|{outcome.Kind}|{outcome.Incident?.Id}|{(outcome.Significant ? 1 : 0)}|{string.Join(',', outcome.Changes)}",
            Retention, cancellationToken);

    public Task MarkDoneAsync(string alertId, string? incidentId, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(alertId), $"{Done}|{incidentId}", Retention, cancellationToken);

    private static string Key(string alertId) => $"correlation:alert:{alertId}";
}
