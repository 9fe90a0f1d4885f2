namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>The JSON CloudWatch puts in an SNS notification's <c>Message</c> when an alarm changes state.</summary>
internal sealed record CloudWatchAlarm
{
    public string? AlarmName { get; init; }

    public string? AlarmDescription { get; init; }

    public string? AwsAccountId { get; init; }

    public string? NewStateValue { get; init; }

    public string? NewStateReason { get; init; }

    public string? OldStateValue { get; init; }

    public string? StateChangeTime { get; init; }

    public string? Region { get; init; }

    public string? AlarmArn { get; init; }

    public AlarmTrigger? Trigger { get; init; }
}
