using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Throttling;

namespace IncidentPlatform.Notifier.Serialization;

/// <summary>The notifier's JSON: delivery records, channel state, pending updates, webhook bodies.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NotificationDelivery))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(WebhookPayload))]
[JsonSerializable(typeof(PendingUpdate))]
internal sealed partial class NotifierJsonContext : JsonSerializerContext;
