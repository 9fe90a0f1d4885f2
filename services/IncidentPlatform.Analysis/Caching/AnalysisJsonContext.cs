using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPlatform.Analysis.Caching;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CachedAnalysis))]
internal sealed partial class AnalysisJsonContext : JsonSerializerContext;
