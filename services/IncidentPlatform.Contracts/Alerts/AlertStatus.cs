namespace IncidentPlatform.Contracts;

/// <summary>Whether an alert reports a problem or its recovery.</summary>
public enum AlertStatus
{
    /// <summary>The condition holds.</summary>
    Firing = 0,

    /// <summary>The sender reports that the condition cleared (an OK alarm, a resolved Alertmanager alert).</summary>
    Resolved = 1,
}
