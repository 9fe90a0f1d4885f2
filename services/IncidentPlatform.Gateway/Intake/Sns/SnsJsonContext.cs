using System.Text.Json.Serialization;

namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>SNS envelopes and CloudWatch alarms: AWS's PascalCase names, matched ignoring case (AWSAccountId, SigningCertURL).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SnsMessage))]
[JsonSerializable(typeof(CloudWatchAlarm))]
internal sealed partial class SnsJsonContext : JsonSerializerContext;
