namespace IncidentPlatform.Contracts;

/// <summary>How bad an alert or incident is, ordered so that a larger value is worse.</summary>
public enum Severity
{
    /// <summary>Informational; never pages.</summary>
    Info = 0,

    /// <summary>Low impact.</summary>
    Low = 1,

    /// <summary>Degraded service (a warning in most alerting tools).</summary>
    Medium = 2,

    /// <summary>A serious fault affecting users (an error).</summary>
    High = 3,

    /// <summary>An outage or data at risk.</summary>
    Critical = 4,
}
