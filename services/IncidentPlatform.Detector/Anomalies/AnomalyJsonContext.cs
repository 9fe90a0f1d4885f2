using System.Text.Json.Serialization;

namespace IncidentPlatform.Detector.Anomalies;

/// <summary>Source-generated JSON for the anomaly checkpoint.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AnomalyState))]
internal sealed partial class AnomalyJsonContext : JsonSerializerContext;
