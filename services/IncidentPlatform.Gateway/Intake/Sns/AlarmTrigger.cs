namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>The metric condition of a CloudWatch alarm (absent for composite alarms).</summary>
internal sealed record AlarmTrigger
{
    public string? MetricName { get; init; }

    public string? Namespace { get; init; }

    public string? Statistic { get; init; }

    public string? ComparisonOperator { get; init; }

    public double? Threshold { get; init; }

    public IReadOnlyList<AlarmDimension> Dimensions { get; init; } = [];
}
