using IncidentPlatform.Contracts;
using MassTransit;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>
/// Incident changes as commands to the detector (which owns incidents), shared by the REST endpoints and the MCP tools.
/// </summary>
internal sealed class IncidentCommands(
    IRequestClient<AcknowledgeIncident> acknowledge,
    IRequestClient<ResolveIncident> resolve,
    IRequestClient<UpdateIncident> update,
    IRequestClient<DeleteIncident> delete,
    TimeProvider time)
{
    public Task<IncidentCommandOutcome> AcknowledgeAsync(string id, string actor, CancellationToken cancellationToken) =>
        SendAsync(acknowledge, new AcknowledgeIncident { IncidentId = id, Actor = actor, OccurredAt = time.GetUtcNow() },
            cancellationToken);

    public Task<IncidentCommandOutcome> ResolveAsync(string id, string actor, string? reason, CancellationToken cancellationToken)
    {
        if (reason is { Length: > IncidentChangeValidator.MaxNote })
        {
            return Task.FromResult(IncidentCommandOutcome.Invalid(
                new Dictionary<string, string[]> { ["reason"] = [$"At most {IncidentChangeValidator.MaxNote} characters."] }));
        }

        return SendAsync(resolve, new ResolveIncident
        {
            IncidentId = id, Actor = actor, OccurredAt = time.GetUtcNow(), Reason = reason,
        }, cancellationToken);
    }

    public Task<IncidentCommandOutcome> UpdateAsync(
        string id, string actor, IncidentChangeRequest change, CancellationToken cancellationToken)
    {
        var errors = IncidentChangeValidator.Validate(change, out var severity);
        if (errors.Count > 0)
        {
            return Task.FromResult(IncidentCommandOutcome.Invalid(errors));
        }

        return SendAsync(update, new UpdateIncident
        {
            IncidentId = id, Actor = actor, OccurredAt = time.GetUtcNow(),
            Title = change.Title, Severity = severity, Labels = change.Labels, Note = change.Note,
        }, cancellationToken);
    }

    public Task<IncidentCommandOutcome> DeleteAsync(string id, string actor, CancellationToken cancellationToken) =>
        SendAsync(delete, new DeleteIncident { IncidentId = id, Actor = actor, OccurredAt = time.GetUtcNow() }, cancellationToken);

    private static async Task<IncidentCommandOutcome> SendAsync<T>(IRequestClient<T> client, T command, CancellationToken ct)
        where T : class =>
        IncidentCommandOutcome.From(await BusRequests.TrySendAsync<T, IncidentCommandResult>(client, command, ct));
}
