using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>The delivery path's log lines, several per notification: source-generated, so a disabled level costs nothing.</summary>
internal static partial class DeliveryLogMessages
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "No channel takes {EventType} of {IncidentId}")]
    public static partial void NoChannel(ILogger logger, string eventType, string incidentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipping {EventType} of {IncidentId} to {Channel}: already delivered")]
    public static partial void AlreadyDelivered(ILogger logger, string eventType, string incidentId, string channel);

    [LoggerMessage(Message = "Delivered {EventType} of {IncidentId} to {Channel} after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, LogLevel level, string eventType, string incidentId, string channel, int attempts);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Failed to deliver {EventType} of {IncidentId} to {Channel} after {Attempts} attempt(s): {Detail}")]
    public static partial void Failed(ILogger logger, string eventType, string incidentId, string channel, int attempts, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Suppressed {EventType} of {IncidentId} to {Channel}: {Detail}")]
    public static partial void Suppressed(ILogger logger, string eventType, string incidentId, string channel, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying {EventType} of {IncidentId} on {Channel} in {Delay} after: {Error}")]
    public static partial void Retrying(ILogger logger, string eventType, string incidentId, string channel, TimeSpan delay, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel {Channel} threw while sending {EventType} of {IncidentId}")]
    public static partial void ChannelThrew(ILogger logger, Exception exception, string channel, string eventType, string incidentId);
}
