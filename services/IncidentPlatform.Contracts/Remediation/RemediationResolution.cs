namespace IncidentPlatform.Contracts;

/// <summary>What a person found out about an interrupted remediation.</summary>
public enum RemediationResolution
{
    /// <summary>The action did run and did what it should: the remediation is recorded as succeeded.</summary>
    Succeeded = 0,

    /// <summary>The action did not run, or did not work: the remediation is recorded as failed.</summary>
    Failed = 1,

    /// <summary>Run it again: the remediation goes back to approved and an executor runs it once more.</summary>
    Rerun = 2,
}
