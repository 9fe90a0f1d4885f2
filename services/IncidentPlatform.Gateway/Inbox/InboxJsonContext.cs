using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPlatform.Gateway.Inbox;

/// <summary>The inbox entries as stored (camelCase, nulls left out).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InboxEntry))]
internal sealed partial class InboxJsonContext : JsonSerializerContext;
