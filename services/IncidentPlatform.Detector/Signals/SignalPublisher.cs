using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Telemetry;
using IncidentPlatform.ServiceDefaults;
using MassTransit;

namespace IncidentPlatform.Detector.Signals;

/// <summary>
/// Turns signals into alerts and publishes them as <see cref="AlertReceived"/>, so they are correlated by the same
/// consumer as every webhook alert. Alert ids derive from <see cref="DetectorSignal.IdKey"/>: raising the same signal
/// twice (a re-polled window, a redelivery) gives the same alert, which correlation applies once.
/// </summary>
internal sealed class SignalPublisher(IBus bus, TimeProvider time, ILogger<SignalPublisher> logger)
{
    public const int MaxTitleLength = 200;

    public static Alert ToAlert(DetectorSignal signal, DateTimeOffset receivedAt) => new()
    {
        Id = Ids.FromKey("alt", signal.IdKey),
        Source = signal.Source,
        Title = Shorten(signal.Title, MaxTitleLength),
        Message = signal.Message,
        Severity = signal.Severity,
        Timestamp = signal.Evidence.WindowEnd,
        Service = signal.Service,
        Labels = signal.Labels,
        Fingerprint = Fingerprint(signal.FingerprintKey),
        ReceivedAt = receivedAt,
        Evidence = signal.Evidence,
    };

    /// <summary>A 32-hex-digit hash of the key (the form the correlator computes for alerts without one).</summary>
    public static string Fingerprint(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    /// <summary>The text cut to <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>Publishes each signal; returns the alert ids. Throws when the bus refuses (the caller retries).</summary>
    public async Task<IReadOnlyList<string>> PublishAsync(IReadOnlyList<DetectorSignal> signals, CancellationToken cancellationToken)
    {
        var ids = new List<string>(signals.Count);
        foreach (var signal in signals)
        {
            var now = time.GetUtcNow();
            var alert = ToAlert(signal, now);
            await bus.Publish(new AlertReceived { AlertId = alert.Id, OccurredAt = now, Alert = alert }, cancellationToken);
            DetectorTelemetry.Signals.Add(1,
                new KeyValuePair<string, object?>("source", signal.Source),
                new KeyValuePair<string, object?>("kind", signal.Evidence.Kind.ToString()));
            logger.LogInformation("Raised {Kind} signal {AlertId} for {Service}: {Title}",
                signal.Evidence.Kind, alert.Id, signal.Service, alert.Title);
            ids.Add(alert.Id);
        }

        return ids;
    }
}
