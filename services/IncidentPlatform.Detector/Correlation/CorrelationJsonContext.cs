using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>The documents the correlation keeps (routes) and reads (silences, written by the gateway).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Route))]
[JsonSerializable(typeof(Silence))]
internal sealed partial class CorrelationJsonContext : JsonSerializerContext;
