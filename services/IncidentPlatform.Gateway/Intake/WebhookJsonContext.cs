using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPlatform.Gateway.Intake;

/// <summary>The webhooks' answers (camelCase, nulls left out).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebhookAccepted))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
