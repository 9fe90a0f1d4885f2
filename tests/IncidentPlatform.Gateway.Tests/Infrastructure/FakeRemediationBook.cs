using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// Stands in for the remediation service behind the gateway's real remediation endpoints and detail part: remediations
/// are written where the remediation service writes them (the <c>remediations</c> documents, owned by the incident), and
/// a <see cref="FakeOwners"/> decision applies <see cref="DecideRemediation"/> to them.
/// </summary>
internal sealed class FakeRemediationBook(IDocumentStore documents)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public ConcurrentDictionary<string, Remediation> Remediations { get; } = new();

    public async Task AddAsync(Remediation remediation)
    {
        Remediations[remediation.Id] = remediation;
        (await documents.TryPutAsync("remediations", remediation.Id, JsonSerializer.Serialize(remediation, Json), 0, remediation.IncidentId))
            .ShouldNotBeNull();
    }

    public RemediationCommandResult Decide(DecideRemediation decision)
    {
        if (!Remediations.TryGetValue(decision.RemediationId, out var current))
        {
            return new RemediationCommandResult { Accepted = false, Status = 404, Error = "No such remediation." };
        }

        if (current.State != RemediationState.PendingApproval)
        {
            return new RemediationCommandResult { Accepted = false, Status = 409, Error = $"It is {current.State}." };
        }

        var decided = current with
        {
            State = decision.Approve ? RemediationState.Approved : RemediationState.Rejected,
            Decisions = [.. current.Decisions, new ApprovalDecision
            {
                Actor = decision.Actor, Channel = decision.Channel, Approved = decision.Approve, At = decision.OccurredAt,
                Comment = decision.Comment,
            }],
            Version = current.Version + 1,
        };
        Remediations[decided.Id] = decided;
        // The bus consumer's answer is synchronous here; the store write completes before the answer goes back.
        documents.TryPutAsync("remediations", decided.Id, JsonSerializer.Serialize(decided, Json), current.Version, decided.IncidentId)
            .GetAwaiter().GetResult().ShouldNotBeNull();
        return new RemediationCommandResult { Accepted = true, Remediation = decided };
    }
}
