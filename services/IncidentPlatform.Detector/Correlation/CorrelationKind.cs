namespace IncidentPlatform.Detector.Correlation;

/// <summary>What applying an alert did.</summary>
internal enum CorrelationKind
{
    /// <summary>It opened a new incident.</summary>
    Opened,

    /// <summary>It was counted into an existing incident (open, or resolved for a late alert).</summary>
    Updated,

    /// <summary>It reopened a recently resolved incident.</summary>
    Reopened,

    /// <summary>It resolved its incident (the last firing member resolved).</summary>
    Resolved,

    /// <summary>It had been applied before (a redelivery): nothing changed.</summary>
    Duplicate,

    /// <summary>It changed nothing on purpose (a resolve with no open incident).</summary>
    Ignored,
}
