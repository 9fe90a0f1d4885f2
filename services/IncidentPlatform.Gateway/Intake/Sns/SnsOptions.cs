namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>
/// Amazon SNS deliveries (<c>Webhooks:Sns</c>). Every message must carry a valid SNS signature whose certificate is
/// downloaded over HTTPS from a host matching <see cref="CertificateHostPattern"/>; a configured <c>Token</c> is required
/// in addition (put it in the subscription's URL). SNS signs a message for whichever topic sent it, so anyone's topic can
/// produce a valid signature: the endpoint is off until <see cref="AllowedTopicArns"/> or a token says whose messages count.
/// </summary>
internal sealed class SnsOptions : WebhookSourceOptions
{
    /// <summary>The hosts SNS signing certificates (and subscription confirmations) may come from.</summary>
    public const string DefaultCertificateHostPattern = @"^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$";

    /// <summary>A regular expression the certificate URL's host must match (case-insensitive).</summary>
    public string CertificateHostPattern { get; set; } = DefaultCertificateHostPattern;

    /// <summary>
    /// A PEM file with a certificate authority trusted, in addition to the system's, for HTTPS downloads from those hosts
    /// (a private mirror, or the test fake). Unset in production.
    /// </summary>
    public string? TrustedCertificateAuthority { get; set; }

    /// <summary>Visit the <c>SubscribeURL</c> of a subscription confirmation (same host check). Off by default.</summary>
    public bool AutoConfirm { get; set; }

    /// <summary>The topics whose messages are accepted (and subscriptions confirmed); others get 403.</summary>
    public string[]? AllowedTopicArns { get; set; }

    /// <summary>Accept SignatureVersion 1 (SHA1withRSA, the default of a new topic); off unless set: prefer version 2.</summary>
    public bool AllowSignatureVersion1 { get; set; }

    /// <summary>True when the endpoint takes deliveries: a topic allowlist or a token says whose messages count.</summary>
    public bool Enabled => AllowedTopicArns is { Length: > 0 } || !string.IsNullOrEmpty(Token);

    /// <summary>Messages older than this (by their signed timestamp) are refused as replays.</summary>
    public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The severity of CloudWatch alarms (they carry none).</summary>
    public string AlarmSeverity { get; set; } = "high";

    /// <summary>Raise a (low) alert for INSUFFICIENT_DATA; by default that state is acknowledged and ignored.</summary>
    public bool AlertOnInsufficientData { get; set; }

    /// <summary>Alarm dimensions naming the service, the first present wins; null means a built-in list.</summary>
    public string[]? ServiceDimensions { get; set; }

    public IReadOnlyList<string> EffectiveServiceDimensions => ServiceDimensions ??
    [
        "ServiceName", "Service", "FunctionName", "ClusterName", "DBInstanceIdentifier", "DBClusterIdentifier",
        "LoadBalancer", "TargetGroup", "TableName", "QueueName", "TopicName", "ApiName", "AutoScalingGroupName",
    ];
}
