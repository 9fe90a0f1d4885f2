using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>
/// A field a capability adds to each row of the web UI's incident list (e.g. <c>pendingApprovals</c>), next to the
/// incident's own fields; like <see cref="IIncidentDetailPart"/> for the list.
/// </summary>
internal interface IIncidentRowPart
{
    /// <summary>The JSON property name.</summary>
    string Name { get; }

    /// <summary>The field's value for the incident.</summary>
    Task<JsonNode?> GetAsync(Incident incident, CancellationToken cancellationToken);
}
