namespace IncidentPlatform.Notifier.Channels;

/// <summary>The outcome of one attempt to send through a channel.</summary>
internal sealed record SendResult
{
    public bool Success { get; private init; }

    /// <summary>True when another attempt may succeed (network error, 5xx, 429).</summary>
    public bool Retryable { get; private init; }

    /// <summary>The server's <c>Retry-After</c>, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    public string? Error { get; private init; }

    /// <summary>The channel's reference for what was posted (Slack ts, Jira key, dedup key).</summary>
    public string? ExternalRef { get; private init; }

    public static SendResult Delivered(string? externalRef = null) => new() { Success = true, ExternalRef = externalRef };

    public static SendResult Transient(string error, TimeSpan? retryAfter = null) =>
        new() { Retryable = true, Error = error, RetryAfter = retryAfter };

    public static SendResult Permanent(string error) => new() { Error = error };

    /// <summary>This failure with <paramref name="context"/> in front of its error (<c>ServiceNow: HTTP 500 …</c>).</summary>
    public SendResult In(string context) => Success ? this : this with { Error = $"{context}: {Error}" };
}
