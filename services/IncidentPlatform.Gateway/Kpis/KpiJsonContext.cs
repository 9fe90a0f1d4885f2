using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary>The KPI report as JSON (web names).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(KpiReport))]
internal sealed partial class KpiJsonContext : JsonSerializerContext;
