using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Incidents;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IncidentPlatform.Gateway.Remediations;

/// <summary>
/// The <c>remediations</c> of <c>GET /api/incidents/{id}</c>: every remediation proposed for the incident, oldest
/// first, with its action, parameters, state, approvals and result.
/// </summary>
internal sealed class RemediationsPart(RemediationReader reader, IOptions<JsonOptions> json) : IIncidentDetailPart
{
    public string Name => "remediations";

    public async Task<JsonNode?> GetAsync(Incident incident, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeToNode(await reader.ListAsync(incident.Id, cancellationToken),
            json.Value.SerializerOptions.GetTypeInfo(typeof(IReadOnlyList<Remediation>)));
}
