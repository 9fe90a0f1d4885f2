using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPlatform.Gateway.Slack;

/// <summary>Clicks as stored until their decision is sent (camelCase, nulls left out).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackDecision))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
