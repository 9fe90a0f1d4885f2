namespace IncidentPlatform.Detector.Correlation;

/// <summary>The correlation's log lines, one or more per alert: source-generated, so a disabled level costs nothing.</summary>
internal static partial class CorrelationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} from {Source}: {Outcome} incident {IncidentId} ({Changes})")]
    public static partial void Correlated(
        ILogger logger, string alertId, string source, CorrelationKind outcome, string? incidentId, string changes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} opened incident {IncidentId} ({Key})")]
    public static partial void Opened(ILogger logger, string alertId, string incidentId, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} reopened incident {IncidentId}, resolved {Ago} ago")]
    public static partial void Reopened(ILogger logger, string alertId, string incidentId, TimeSpan ago);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} was not reopened: {HolderId} took its key first")]
    public static partial void NotReopened(ILogger logger, string incidentId, string? holderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} stays reopened: it took alerts while {HolderId} holds its key")]
    public static partial void StaysReopened(ILogger logger, string incidentId, string? holderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} resolved incident {IncidentId}")]
    public static partial void Resolved(ILogger logger, string alertId, string incidentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} resolved one alert of incident {IncidentId}; others still fire")]
    public static partial void ResolvedOne(ILogger logger, string alertId, string incidentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resolve alert {AlertId} ({Fingerprint}) has no unresolved incident; ignored")]
    public static partial void ResolveIgnored(ILogger logger, string alertId, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} was already applied; nothing to do")]
    public static partial void AlreadyApplied(ILogger logger, string alertId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} was applied to {IncidentId} before; completing it")]
    public static partial void Completing(ILogger logger, string alertId, string incidentId);
}
