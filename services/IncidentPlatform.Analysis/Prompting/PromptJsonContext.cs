using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPlatform.Analysis.Prompting;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PromptData))]
internal sealed partial class PromptJsonContext : JsonSerializerContext;
