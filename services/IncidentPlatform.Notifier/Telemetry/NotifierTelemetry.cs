using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IncidentPlatform.Notifier.Telemetry;

/// <summary>The notifier's activity source and meter, <c>IncidentPlatform.Notifier</c>.</summary>
internal static class NotifierTelemetry
{
    public const string Name = "IncidentPlatform.Notifier";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Delivery outcomes, tagged by channel and status.</summary>
    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("notifier.deliveries");

    /// <summary>Send attempts, tagged by channel and outcome.</summary>
    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>("notifier.attempts");
}
