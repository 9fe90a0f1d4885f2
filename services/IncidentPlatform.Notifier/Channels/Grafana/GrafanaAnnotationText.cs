using System.Globalization;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Channels.Grafana;

/// <summary>
/// What an incident's annotation says: its tags and its text — the title, then the latest analysis summary and
/// remediation outcome (kept per incident, since each event brings only one of them), then the resolution.
/// </summary>
internal static class GrafanaAnnotationText
{
    public const string PlatformTag = "incidentplatform";

    /// <summary>The tags that find the annotation of one incident again.</summary>
    public static IReadOnlyList<string> IdentityTags(string incidentId) => [PlatformTag, $"incident:{incidentId}"];

    /// <summary>All tags: platform, incident, service, severity and (once analysed) category.</summary>
    public static List<string> Tags(NotificationEvent e, string? category)
    {
        var tags = new List<string>(IdentityTags(e.IncidentId));
        if (e.Incident?.Service is { Length: > 0 } service)
        {
            tags.Add($"service:{service}");
        }

        tags.Add($"severity:{e.Severity.ToString().ToLowerInvariant()}");
        if (category is { Length: > 0 })
        {
            tags.Add($"category:{category}");
        }

        return tags;
    }

    /// <summary>The analysis in one line: category and the most likely cause.</summary>
    public static RenderedText? Analysis(NotificationEvent e)
    {
        if (e.Type != EventTypes.IncidentAnalyzed || e.Analysis is not { } analysis)
        {
            return null;
        }

        var top = analysis.Hypotheses.FirstOrDefault();
        var text = new RenderedText().Strong("Analysis:").Literal(" ").Value(analysis.Category);
        return top is null ? text : text.Literal(" — ").Value(top.Summary)
            .Literal($" ({top.Confidence.ToString("P0", CultureInfo.InvariantCulture)})");
    }

    /// <summary>The remediation outcome in one line, for the events that end a remediation.</summary>
    public static RenderedText? Remediation(NotificationEvent e)
    {
        if (e.Remediation is not { } remediation)
        {
            return null;
        }

        var outcome = e.Type switch
        {
            EventTypes.RemediationExecuted => e.Result?.DryRun == true ? "ran (dry run)" : "ran",
            EventTypes.RemediationFailed => "failed",
            EventTypes.RemediationInterrupted => "interrupted (needs a person)",
            EventTypes.RemediationRejected => $"rejected by {e.Actor}",
            _ => null,
        };
        if (outcome is null)
        {
            return null;
        }

        var text = new RenderedText().Strong("Remediation:").Literal(" ").Value(remediation.ActionId).Literal(" ").Value(outcome);
        var detail = e.Error ?? e.Result?.Error ?? e.Result?.Output ?? e.Reason;
        return detail is null ? text : text.Literal(": ").Value(RenderedText.Truncate(detail, 300));
    }

    /// <summary>The resolution: who resolved and why (a verified remediation names its evidence).</summary>
    public static RenderedText? Resolution(NotificationEvent e) => e.Type == EventTypes.IncidentResolved
        ? new RenderedText().Strong("Resolved:").Literal(" ").Value(e.Actor ?? "").Value(e.Reason is null ? null : $" — {e.Reason}")
        : null;

    /// <summary>The annotation's text in Grafana's (sanitised) HTML: values encoded, one line each.</summary>
    public static string Html(RenderedText title, IEnumerable<string?> lines) =>
        string.Join("<br>\n", new[] { TextFormats.ToHtml(title) }.Concat(lines.Where(l => !string.IsNullOrEmpty(l)))!);

    /// <summary>Milliseconds since the epoch, Grafana's time unit.</summary>
    public static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    /// <summary>When the incident began: its creation, or the event's time when the incident is unknown.</summary>
    public static DateTimeOffset Start(NotificationEvent e) => e.Incident?.CreatedAt ?? e.OccurredAt;

    /// <summary>When it ended.</summary>
    public static DateTimeOffset End(NotificationEvent e) => e.Incident?.ResolvedAt ?? e.OccurredAt;

    /// <summary>One line of the text, or empty.</summary>
    public static string Line(RenderedText? text) => text is null ? "" : TextFormats.ToHtml(text);
}
