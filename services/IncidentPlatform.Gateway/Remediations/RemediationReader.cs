using System.Text.Json;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Remediations;

/// <summary>
/// Reads the remediations of an incident from the documents the remediation service writes (collection
/// <see cref="Collection"/>, owned by the incident), oldest first; an unreadable document is skipped with a warning.
/// </summary>
internal sealed class RemediationReader(IDocumentStore documents, ILogger<RemediationReader> logger)
{
    /// <summary>The collection the remediation service stores remediations in.</summary>
    public const string Collection = "remediations";

    public async Task<IReadOnlyList<Contracts.Remediation>> ListAsync(string incidentId, CancellationToken cancellationToken)
    {
        var stored = await documents.ListAsync(Collection, incidentId, 500, cancellationToken);
        var remediations = new List<Contracts.Remediation>(stored.Count);
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
                logger.LogWarning(e, "Remediation document {RemediationId} of incident {IncidentId} is unreadable", document.Id, incidentId);
            }
        }

        return remediations;
    }
}
