using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Remediations;

/// <summary>Source-generated JSON for the remediation endpoints and for reading the remediation documents.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Remediation))]
[JsonSerializable(typeof(IReadOnlyList<Remediation>))]
[JsonSerializable(typeof(RemediationDecisionRequest))]
[JsonSerializable(typeof(RemediationResolveRequest))]
[JsonSerializable(typeof(AuditVerificationResponse))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(AuditPage))]
internal sealed partial class RemediationsJsonContext : JsonSerializerContext;
