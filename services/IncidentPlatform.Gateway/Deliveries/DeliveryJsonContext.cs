using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Deliveries;

/// <summary>Reads the notifier's delivery records (web names, enums as strings in any case).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(NotificationDelivery))]
[JsonSerializable(typeof(IReadOnlyList<NotificationDelivery>))]
internal sealed partial class DeliveryJsonContext : JsonSerializerContext;
