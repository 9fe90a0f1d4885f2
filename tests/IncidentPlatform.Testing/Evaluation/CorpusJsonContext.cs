using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPlatform.Testing.Evaluation;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(CorpusScenario))]
internal sealed partial class CorpusJsonContext : JsonSerializerContext;
