using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>PagerDuty's snake_case JSON.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(PagerDutyWebhook))]
internal sealed partial class PagerDutyJsonContext : JsonSerializerContext;
