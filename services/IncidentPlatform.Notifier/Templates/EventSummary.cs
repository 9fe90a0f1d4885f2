using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Events;

namespace IncidentPlatform.Notifier.Templates;

/// <summary>The one-sentence description of each event type and the built-in message body.</summary>
internal static class EventSummary
{
    public static string Sentence(NotificationEvent e) => e.Type switch
    {
        EventTypes.IncidentOpened => "Incident opened",
        EventTypes.IncidentUpdated => e.Changes.Count > 0 ? $"Incident updated ({string.Join(", ", e.Changes)})" : "Incident updated",
        EventTypes.IncidentResolved => e.Actor is null ? "Incident resolved" : $"Incident resolved by {e.Actor}",
        EventTypes.IncidentAnalyzed => "Root-cause analysis ready",
        EventTypes.RemediationProposed => $"Remediation proposed: {e.Remediation?.ActionId}",
        EventTypes.ApprovalRequested => $"Approval requested: {e.Remediation?.ActionId}",
        EventTypes.RemediationApproved => $"Remediation approved by {e.Actor}: {e.Remediation?.ActionId}",
        EventTypes.RemediationRejected => $"Remediation rejected by {e.Actor}: {e.Remediation?.ActionId}",
        EventTypes.RemediationExecuted => $"Remediation ran{(e.Result?.DryRun == true ? " (dry run)" : "")}: {e.Remediation?.ActionId}",
        EventTypes.RemediationFailed => $"Remediation failed: {e.Remediation?.ActionId}",
        EventTypes.RemediationInterrupted => $"Remediation interrupted, needs a person: {e.Remediation?.ActionId}",
        EventTypes.StormSummary => "Alert storm: notifications suppressed",
        _ => e.Message is null ? "Notification" : "Message",
    };

    /// <summary>The built-in title: <c>[Severity] title</c>.</summary>
    public static RenderedText DefaultTitle(NotificationEvent e) => e.Type == EventTypes.StormSummary
        ? new RenderedText().Value(e.Message)
        : new RenderedText().Literal("[").Value(e.Severity.ToString()).Literal("] ").Value(e.Title);

    /// <summary>The incident as it is now (a Slack thread's parent message).</summary>
    public static RenderedText IncidentState(NotificationEvent e) =>
        IncidentFields(new RenderedText().Strong($"Incident {(e.Incident?.Status ?? IncidentStatus.Open).ToString().ToLowerInvariant()}"), e);

    private static RenderedText IncidentFields(RenderedText text, NotificationEvent e) =>
        text.Field("Incident", e.Title)
            .Field("Id", e.IncidentId)
            .Field("Severity", e.Severity.ToString())
            .Field("Status", e.Incident?.Status.ToString())
            .Field("Service", e.Incident?.Service)
            .Field("Alerts", e.Incident?.AlertCount.ToString(CultureInfo.InvariantCulture));

    /// <summary>The built-in body: the sentence, then the facts that matter for the event.</summary>
    public static RenderedText DefaultBody(NotificationEvent e)
    {
        var text = new RenderedText().Strong(Sentence(e));
        if (e.Type == EventTypes.StormSummary)
        {
            return text;
        }

        IncidentFields(text, e);
        if (e.Remediation is { } remediation)
        {
            text.Field("Action", remediation.ActionId)
                .Field("Parameters", string.Join(", ", remediation.Parameters.Select(p => $"{p.Key}={p.Value}")))
                .Field("Risk", remediation.Risk.ToString())
                .Field("Rule", remediation.Rule);
        }

        if (e.Type == EventTypes.IncidentAnalyzed && e.Analysis is { } analysis)
        {
            var top = analysis.Hypotheses.FirstOrDefault();
            text.Field("Category", analysis.Category)
                .Field("Likely cause", top is null ? null : $"{top.Summary} ({top.Confidence.ToString("P0", CultureInfo.InvariantCulture)})")
                .Field("Impact", analysis.Impact);
        }

        return text.Field("Reason", e.Reason)
            .Field("Error", e.Error ?? e.Result?.Error)
            .Field("Output", e.Result?.Output is { } output ? RenderedText.Truncate(output, 500) : null)
            .Field("Message", e.Message);
    }
}
