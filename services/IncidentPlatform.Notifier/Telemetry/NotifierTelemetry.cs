using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IncidentPlatform.Notifier.Telemetry;

/// <summary>The notifier's ActivitySource and Meter, <c>incidentplatform.notifier</c>, instruments <c>incidentplatform.notifier.*</c>.</summary>
internal static class NotifierTelemetry
{
    public const string Name = "incidentplatform.notifier";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Delivery outcomes, tagged by channel and status.</summary>
    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("incidentplatform.notifier.deliveries");

    /// <summary>Send attempts, tagged by channel and outcome.</summary>
    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>("incidentplatform.notifier.attempts");
}
