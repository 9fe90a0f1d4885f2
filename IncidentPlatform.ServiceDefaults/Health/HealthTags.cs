namespace IncidentPlatform.ServiceDefaults.Health;

/// <summary>Tags that place a health check in the liveness or readiness report.</summary>
public static class HealthTags
{
    /// <summary>Checks that say the process itself is alive (<c>/alive</c>); a failure means restart it.</summary>
    public const string Live = "live";

    /// <summary>Checks of dependencies (<c>/health</c> runs every check, tagged or not).</summary>
    public const string Ready = "ready";
}
