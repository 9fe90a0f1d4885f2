using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPlatform.Gateway.Intake.Alertmanager;

/// <summary>Alertmanager and Grafana webhook bodies (camelCase; <c>generatorURL</c> and friends match ignoring case).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AlertmanagerPayload))]
internal sealed partial class AlertmanagerJsonContext : JsonSerializerContext;
