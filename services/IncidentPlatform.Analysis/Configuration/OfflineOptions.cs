namespace IncidentPlatform.Analysis.Configuration;

/// <summary>The offline analyzer's recommendations (section <c>Analysis:Offline</c>).</summary>
internal sealed class OfflineOptions
{
    /// <summary>The SSM Automation runbook that frees disk space on an instance, recommended for a full disk when the
    /// incident names the instance (the remediation policy must allow it).</summary>
    public string DiskCleanupDocument { get; set; } = "IncidentPlatform-DiskCleanup";
}
