using System.Text.Json.Nodes;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;

namespace IncidentPlatform.Notifier.Channels.ServiceNow;

/// <summary>
/// ServiceNow (Table API, <c>incident</c> table): the incident's first notification creates a ServiceNow incident with
/// <c>correlation_id</c> = our incident id, after looking one up by that id (so a redelivered or retried create, or a
/// lost channel state, finds the one already made); later events are work notes (analysis, each remediation step,
/// updates with impact and urgency kept in step); resolution resolves it (state, close code, close notes).
/// </summary>
internal sealed class ServiceNowChannel(
    string name, ChannelOptions options, IHttpClientFactory http, ChannelStateStore state, TimeProvider time)
    : ChannelBase(name, options)
{
    private const string SysIdKey = "servicenow.sys_id";
    private const string NumberKey = "servicenow.number";
    private readonly ServiceNowApi _api = new(options, http, time);

    public override string Type => ChannelTypes.ServiceNow;

    public override bool KeepsIncidentState => true;

    // A storm summary belongs to no incident: it would make a ServiceNow incident of its own.
    public override bool Accepts(NotificationEvent e) => e.Type != EventTypes.StormSummary;

    public override async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var e = message.Event;
        var (found, record) = await FindOrCreateAsync(message, cancellationToken);
        if (record is null)
        {
            return found;
        }

        if (e.Type == EventTypes.IncidentOpened)
        {
            // The incident's description is the opening message.
            return SendResult.Delivered(record.Number);
        }

        var fields = new JsonObject { ["work_notes"] = ServiceNowFields.WorkNote(message) };
        if (e.Type == EventTypes.IncidentResolved)
        {
            ServiceNowFields.Resolve(fields, e, Options);
        }
        else if (e.Type == EventTypes.IncidentUpdated && e.Incident is not null)
        {
            ServiceNowFields.Urgency(fields, e.Severity);
        }

        var updated = await _api.UpdateAsync(record.SysId, fields, cancellationToken);
        return updated.Success ? SendResult.Delivered(record.Number) : updated;
    }

    private async Task<(SendResult Result, ServiceNowRecord? Record)> FindOrCreateAsync(
        ChannelMessage message, CancellationToken cancellationToken)
    {
        var incidentId = message.Event.IncidentId;
        var remembered = await state.GetAsync(Name, incidentId, cancellationToken);
        if (remembered.TryGetValue(SysIdKey, out var sysId) && remembered.TryGetValue(NumberKey, out var number))
        {
            return (SendResult.Delivered(number), new ServiceNowRecord(sysId, number));
        }

        var (result, record) = await _api.FindAsync(incidentId, cancellationToken);
        if (result.Success && record is null)
        {
            (result, record) = await _api.CreateAsync(ServiceNowFields.NewIncident(message, Options), cancellationToken);
        }

        if (record is not null)
        {
            await state.SetAsync(Name, incidentId,
                new Dictionary<string, string> { [SysIdKey] = record.SysId, [NumberKey] = record.Number }, cancellationToken);
        }

        return (result, record);
    }
}
