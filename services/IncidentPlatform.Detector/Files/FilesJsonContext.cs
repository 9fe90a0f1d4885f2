using System.Text.Json.Serialization;

namespace IncidentPlatform.Detector.Files;

/// <summary>Source-generated JSON for tail checkpoints.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TailCheckpoint))]
internal sealed partial class FilesJsonContext : JsonSerializerContext;
