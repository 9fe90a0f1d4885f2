namespace IncidentPlatform.Contracts;

/// <summary>Response to <see cref="SendNotification"/>.</summary>
public sealed record NotificationCommandResult
{
    /// <summary>True when the request was valid.</summary>
    public required bool Accepted { get; init; }

    /// <summary>Why not.</summary>
    public string? Error { get; init; }

    /// <summary>An HTTP-like status: 200, 404, 422.</summary>
    public int Status { get; init; } = 200;

    /// <summary>One entry per channel: delivered, failed, or a preview.</summary>
    public IReadOnlyList<NotificationDelivery> Deliveries { get; init; } = [];
}
