using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>
/// One section of <c>GET /api/incidents/{id}</c> beyond the incident itself (alerts, timeline, remediations,
/// deliveries…). Each capability registers its part; the endpoint adds every part's JSON under its name.
/// </summary>
internal interface IIncidentDetailPart
{
    /// <summary>The JSON property name, e.g. <c>alerts</c>.</summary>
    string Name { get; }

    /// <summary>The section's JSON for the incident.</summary>
    Task<JsonNode?> GetAsync(Incident incident, CancellationToken cancellationToken);
}
