using System.Text.Json.Serialization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Workflow;

namespace IncidentPlatform.Remediation.Serialization;

/// <summary>
/// The JSON of what the remediation stores: remediations (camelCase, enums as names, so the gateway and people can read
/// them) and audit entries.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Contracts.Remediation))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(OpenRemediation))]
internal sealed partial class RemediationJsonContext : JsonSerializerContext;
