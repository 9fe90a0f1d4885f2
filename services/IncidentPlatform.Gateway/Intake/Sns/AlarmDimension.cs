namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>One dimension of an alarm's metric (CloudWatch writes these keys in lower case).</summary>
internal sealed record AlarmDimension(string? Name, string? Value);
