using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Incidents;

namespace IncidentPlatform.Gateway.Remediations;

/// <summary>The list row's <c>pendingApprovals</c>: how many of the incident's remediations wait for a person.</summary>
internal sealed class PendingApprovalsRowPart(RemediationReader reader) : IIncidentRowPart
{
    public string Name => "pendingApprovals";

    public async Task<JsonNode?> GetAsync(Incident incident, CancellationToken cancellationToken) =>
        (await reader.ListAsync(incident.Id, cancellationToken)).Count(r => r.State == RemediationState.PendingApproval);
}
