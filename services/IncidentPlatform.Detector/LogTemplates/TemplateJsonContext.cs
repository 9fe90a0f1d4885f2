using System.Text.Json.Serialization;

namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>Source-generated JSON for the miner's snapshot (camelCase properties).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TemplateSnapshot))]
internal sealed partial class TemplateJsonContext : JsonSerializerContext;
