using System.Globalization;
using IncidentPlatform.Notifier.Events;

namespace IncidentPlatform.Notifier.Templates;

/// <summary>
/// The fields a template may name: <c>event.*</c>, <c>incident.*</c> (with <c>incident.labels.&lt;name&gt;</c>),
/// <c>remediation.*</c> and <c>analysis.*</c>. Values come from untrusted input and are escaped by each format.
/// </summary>
internal static class TemplateFields
{
    private static readonly Dictionary<string, Func<NotificationEvent, string?>> Fields = new(StringComparer.Ordinal)
    {
        ["event.type"] = e => e.Type,
        ["event.summary"] = EventSummary.Sentence,
        ["event.time"] = e => e.OccurredAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
        ["event.actor"] = e => e.Actor,
        ["event.reason"] = e => e.Reason,
        ["event.error"] = e => e.Error,
        ["event.message"] = e => e.Message,
        ["event.changes"] = e => string.Join(", ", e.Changes),
        ["incident.id"] = e => e.IncidentId,
        ["incident.title"] = e => e.Title,
        ["incident.severity"] = e => e.Severity.ToString(),
        ["incident.status"] = e => e.Incident?.Status.ToString(),
        ["incident.service"] = e => e.Incident?.Service,
        ["incident.source"] = e => e.Incident?.Source,
        ["incident.alerts"] = e => e.Incident?.AlertCount.ToString(CultureInfo.InvariantCulture),
        ["incident.created"] = e => e.Incident?.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        ["remediation.id"] = e => e.Remediation?.Id,
        ["remediation.action"] = e => e.Remediation?.ActionId,
        ["remediation.risk"] = e => e.Remediation?.Risk.ToString(),
        ["remediation.state"] = e => e.Remediation?.State.ToString(),
        ["remediation.rule"] = e => e.Remediation?.Rule,
        ["remediation.parameters"] = e => e.Remediation is null
            ? null
            : string.Join(", ", e.Remediation.Parameters.Select(p => $"{p.Key}={p.Value}")),
        ["analysis.category"] = e => e.Analysis?.Category,
        ["analysis.cause"] = e => e.Analysis?.Hypotheses.FirstOrDefault()?.Summary,
        ["analysis.confidence"] = e => e.Analysis?.Hypotheses.FirstOrDefault()?.Confidence.ToString("P0", CultureInfo.InvariantCulture),
        ["analysis.impact"] = e => e.Analysis?.Impact,
    };

    private const string LabelPrefix = "incident.labels.";

    /// <summary>The names a template may use, for error messages.</summary>
    public static IEnumerable<string> Names => Fields.Keys.Append(LabelPrefix + "<name>");

    public static bool IsKnown(string name) =>
        Fields.ContainsKey(name) || (name.StartsWith(LabelPrefix, StringComparison.Ordinal) && name.Length > LabelPrefix.Length);

    public static string? Resolve(NotificationEvent e, string name)
    {
        if (Fields.TryGetValue(name, out var field))
        {
            return field(e);
        }

        if (name.StartsWith(LabelPrefix, StringComparison.Ordinal) && e.Incident is { } incident &&
            incident.Labels.TryGetValue(name[LabelPrefix.Length..], out var label))
        {
            return label;
        }

        return null;
    }
}
