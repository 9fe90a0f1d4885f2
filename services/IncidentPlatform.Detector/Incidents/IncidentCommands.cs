using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Detector.Incidents;

/// <summary>
/// The changes people (through the gateway, MCP or Slack) and other services make to incidents. The detector owns
/// incidents, so every change goes through here: a version-checked update, a timeline entry, and the event.
/// Applying the same command twice leaves the incident as once (acknowledging an acknowledged incident changes nothing).
/// </summary>
internal sealed class IncidentCommands(IIncidentStore store, TimeProvider time)
{
    public Task<IncidentCommandResult> AcknowledgeAsync(AcknowledgeIncident command, IPublishEndpoint publisher, CancellationToken ct) =>
        ChangeAsync(command.IncidentId, command.Actor, publisher, ct, (incident, now) => incident.Status switch
        {
            IncidentStatus.Resolved => Refuse(409, "A resolved incident cannot be acknowledged."),
            IncidentStatus.Acknowledged => Unchanged(),
            _ => Change(incident with { Status = IncidentStatus.Acknowledged, AcknowledgedAt = now, AcknowledgedBy = command.Actor },
                ["status"], "acknowledged", $"Acknowledged by {command.Actor}"),
        });

    public Task<IncidentCommandResult> ResolveAsync(ResolveIncident command, IPublishEndpoint publisher, CancellationToken ct) =>
        ChangeAsync(command.IncidentId, command.Actor, publisher, ct, (incident, now) => incident.Status == IncidentStatus.Resolved
            ? Unchanged()
            : Change(incident with { Status = IncidentStatus.Resolved, ResolvedAt = now, ResolvedBy = command.Actor },
                ["status"], "resolved", command.Reason is null ? $"Resolved by {command.Actor}" : $"Resolved by {command.Actor}: {command.Reason}"));

    public Task<IncidentCommandResult> UpdateAsync(UpdateIncident command, IPublishEndpoint publisher, CancellationToken ct) =>
        ChangeAsync(command.IncidentId, command.Actor, publisher, ct, (incident, _) =>
        {
            var changes = new List<string>();
            var updated = incident;
            if (command.Title is { Length: > 0 } title && title != incident.Title)
            {
                updated = updated with { Title = title };
                changes.Add("title");
            }

            if (command.Severity is { } severity && severity != incident.Severity)
            {
                updated = updated with { Severity = severity };
                changes.Add("severity");
            }

            if (command.Labels is { Count: > 0 } labels && labels.Any(l => !incident.Labels.TryGetValue(l.Key, out var v) || v != l.Value))
            {
                var merged = new Dictionary<string, string>(incident.Labels);
                foreach (var (key, value) in labels)
                {
                    merged[key] = value;
                }

                updated = updated with { Labels = merged };
                changes.Add("labels");
            }

            if (changes.Count == 0 && command.Note is null)
            {
                return Unchanged();
            }

            var message = command.Note is null
                ? $"{command.Actor} changed {string.Join(", ", changes)}"
                : $"{command.Actor}: {command.Note}";
            return Change(updated, changes, changes.Count == 0 ? "note" : "updated", message);
        });

    public async Task<IncidentCommandResult> DeleteAsync(DeleteIncident command, IPublishEndpoint publisher, CancellationToken ct)
    {
        if (!await store.DeleteAsync(command.IncidentId, ct))
        {
            return NotFound(command.IncidentId);
        }

        await publisher.Publish(new IncidentDeleted { IncidentId = command.IncidentId, OccurredAt = time.GetUtcNow(), Actor = command.Actor }, ct);
        return new IncidentCommandResult { Accepted = true };
    }

    private async Task<IncidentCommandResult> ChangeAsync(string incidentId, string actor, IPublishEndpoint publisher,
        CancellationToken ct, Func<Incident, DateTimeOffset, Decision> decide)
    {
        var now = time.GetUtcNow();
        Decision decision = Unchanged();
        var stored = await store.UpdateAsync(incidentId, current =>
        {
            decision = decide(current, now);
            return decision.Incident is null ? null : decision.Incident with { UpdatedAt = now };
        }, ct);

        if (stored is null)
        {
            return NotFound(incidentId);
        }

        if (decision.Status != 200)
        {
            return new IncidentCommandResult { Accepted = false, Status = decision.Status, Error = decision.Error, Incident = stored };
        }

        if (decision.Incident is not null)
        {
            await store.AppendTimelineAsync(incidentId, new TimelineEntry
            {
                At = now, Kind = decision.Kind!, Message = decision.Message!, Actor = actor,
            }, ct);
            await PublishAsync(stored, decision, actor, publisher, now, ct);
        }

        return new IncidentCommandResult { Accepted = true, Incident = stored };
    }

    private static Task PublishAsync(Incident incident, Decision decision, string actor, IPublishEndpoint publisher,
        DateTimeOffset now, CancellationToken ct) => incident.Status == IncidentStatus.Resolved && decision.Changes.Contains("status")
        ? publisher.Publish(new IncidentResolved
        {
            IncidentId = incident.Id, OccurredAt = now, Incident = incident, ResolvedBy = actor, Reason = decision.Message,
        }, ct)
        : publisher.Publish(new IncidentUpdated
        {
            IncidentId = incident.Id,
            OccurredAt = now,
            Incident = incident,
            Changes = decision.Changes,
            Significant = decision.Changes.Contains("severity"),
        }, ct);

    private static IncidentCommandResult NotFound(string id) =>
        new() { Accepted = false, Status = 404, Error = $"There is no incident '{id}'." };

    private static Decision Unchanged() => new(null, [], null, null, 200, null);

    private static Decision Refuse(int status, string error) => new(null, [], null, null, status, error);

    private static Decision Change(Incident incident, IReadOnlyList<string> changes, string kind, string message) =>
        new(incident, changes, kind, message, 200, null);

    private sealed record Decision(
        Incident? Incident, IReadOnlyList<string> Changes, string? Kind, string? Message, int Status, string? Error);
}
