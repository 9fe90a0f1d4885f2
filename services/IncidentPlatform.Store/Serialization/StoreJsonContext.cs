using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store.Serialization;

/// <summary>
/// The JSON form of what the stores keep: camelCase properties, enums as strings, nulls omitted. Both the embedded
/// store (its journal and snapshot records) and the Redis store (its documents) write exactly this form, so data reads
/// the same from either.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Incident))]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(IReadOnlyList<Alert>))]
[JsonSerializable(typeof(IReadOnlyList<TimelineEntry>))]
[JsonSerializable(typeof(Embedded.JournalRecord))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
