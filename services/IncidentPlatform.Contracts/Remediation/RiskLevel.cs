namespace IncidentPlatform.Contracts;

/// <summary>How much harm a mistaken action could do. High-risk actions need an approver other than the requester.</summary>
public enum RiskLevel
{
    /// <summary>Safe to repeat (a note, a cache flush).</summary>
    Low = 0,

    /// <summary>Visible but bounded (a rolling restart).</summary>
    Medium = 1,

    /// <summary>Could make things worse (a reboot, a scale change).</summary>
    High = 2,
}
