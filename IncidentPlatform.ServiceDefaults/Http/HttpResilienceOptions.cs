namespace IncidentPlatform.ServiceDefaults.Http;

/// <summary>Defaults for outgoing HTTP calls (section <c>Http:Resilience</c>).</summary>
public sealed class HttpResilienceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Http:Resilience";

    /// <summary>Retries after the first attempt, for transient failures (5xx, 408, 429, network errors).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The median first retry delay; later delays grow exponentially, with decorrelated jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The time limit of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The time limit of the whole call, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The failure ratio over the sampling window that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How long an open circuit stays open before one trial call.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
