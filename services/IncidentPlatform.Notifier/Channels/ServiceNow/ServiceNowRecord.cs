namespace IncidentPlatform.Notifier.Channels.ServiceNow;

/// <summary>The ServiceNow incident a notifier incident is kept in step with.</summary>
/// <param name="SysId">The record's <c>sys_id</c>, the key of the Table API.</param>
/// <param name="Number">The number people see (<c>INC0010001</c>).</param>
internal sealed record ServiceNowRecord(string SysId, string Number);
