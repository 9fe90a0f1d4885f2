using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Intake;
using IncidentPlatform.Gateway.Incidents;

namespace IncidentPlatform.Gateway.Json;

/// <summary>Source-generated JSON for the gateway's requests and responses (web defaults: camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AlertRequest))]
[JsonSerializable(typeof(AlertAccepted))]
[JsonSerializable(typeof(Incident))]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(IncidentList))]
[JsonSerializable(typeof(IncidentChangeRequest))]
[JsonSerializable(typeof(IReadOnlyList<Alert>))]
[JsonSerializable(typeof(IReadOnlyList<TimelineEntry>))]
[JsonSerializable(typeof(Events.IncidentEvent))]
[JsonSerializable(typeof(SignalEvidence))]
[JsonSerializable(typeof(IncidentAnalysis))]
[JsonSerializable(typeof(NotificationDelivery))]
[JsonSerializable(typeof(Remediation))]
[JsonSerializable(typeof(RemediationSuggestion))]
[JsonSerializable(typeof(Severity))]
[JsonSerializable(typeof(IncidentStatus))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
