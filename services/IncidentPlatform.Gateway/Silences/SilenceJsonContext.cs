using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Silences;

/// <summary>
/// Silences as stored (the detector reads these documents with the same web defaults) and as the API shows them.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Silence))]
[JsonSerializable(typeof(SilenceRequest))]
[JsonSerializable(typeof(SilenceView))]
[JsonSerializable(typeof(SilenceList))]
internal sealed partial class SilenceJsonContext : JsonSerializerContext;
