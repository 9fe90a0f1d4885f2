namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>
/// An SNS HTTP(S) delivery: a notification, a subscription confirmation or an unsubscribe confirmation. Values are
/// kept as sent (the timestamp as text) because the signature covers them exactly.
/// </summary>
internal sealed record SnsMessage
{
    public string? Type { get; init; }

    public string? MessageId { get; init; }

    public string? Token { get; init; }

    public string? TopicArn { get; init; }

    public string? Subject { get; init; }

    public string? Message { get; init; }

    public string? Timestamp { get; init; }

    public string? SignatureVersion { get; init; }

    public string? Signature { get; init; }

    public string? SigningCertUrl { get; init; }

    public string? SubscribeUrl { get; init; }

    public string? UnsubscribeUrl { get; init; }
}
