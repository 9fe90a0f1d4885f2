using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Incidents;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IncidentPlatform.Gateway.Remediations;

/// <summary>
/// The <c>remediations</c> of <c>GET /api/incidents/{id}</c>: every remediation proposed for the incident, oldest
/// first, with its action, parameters, state, approvals and result, read from the documents the remediation service
/// writes (collection <c>remediations</c>, owned by the incident).
/// </summary>
internal sealed class RemediationsPart(IDocumentStore documents, IOptions<JsonOptions> json, ILogger<RemediationsPart> logger) : IIncidentDetailPart
{
    /// <summary>The collection the remediation service stores remediations in.</summary>
    public const string Collection = "remediations";

    public string Name => "remediations";

    public async Task<JsonNode?> GetAsync(Incident incident, CancellationToken cancellationToken)
    {
        var stored = await documents.ListAsync(Collection, incident.Id, 500, cancellationToken);
        var remediations = new List<Remediation>(stored.Count);
        foreach (var document in stored)
        {
            try
            {
                if (JsonSerializer.Deserialize(document.Json, RemediationsJsonContext.Default.Remediation) is { } remediation)
                {
                    remediations.Add(remediation with { Version = document.Version });
                }
            }
            catch (JsonException e)
            {
                // One unreadable document must not hide the incident; the rest are still shown.
                logger.LogWarning(e, "Remediation document {RemediationId} of incident {IncidentId} is unreadable", document.Id, incident.Id);
            }
        }

        return JsonSerializer.SerializeToNode(remediations,
            json.Value.SerializerOptions.GetTypeInfo(typeof(IReadOnlyList<Remediation>)));
    }
}
