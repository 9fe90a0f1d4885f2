using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Channels.ServiceNow;

/// <summary>The <c>incident</c> fields the channel writes, from an event.</summary>
internal static partial class ServiceNowFields
{
    /// <summary><c>state</c> 6, Resolved, in the incident table's base choices.</summary>
    public const string ResolvedState = "6";

    /// <summary>Who made the incident (<c>correlation_display</c>).</summary>
    public const string CorrelationDisplay = "IncidentPlatform";

    // Field lengths of the base incident dictionary.
    private const int ShortDescriptionLength = 160;
    private const int TextLength = 4000;

    /// <summary>The fields of a new incident.</summary>
    public static JsonObject NewIncident(ChannelMessage message, ChannelOptions options)
    {
        var e = message.Event;
        var fields = new JsonObject
        {
            ["short_description"] = RenderedText.Truncate(message.Title.ToPlain().ReplaceLineEndings(" "), ShortDescriptionLength),
            ["description"] = Journal(message.Body.ToPlain()),
            ["correlation_id"] = e.IncidentId,
            ["correlation_display"] = CorrelationDisplay,
        };
        Urgency(fields, e.Severity);
        if (!string.IsNullOrWhiteSpace(options.AssignmentGroup))
        {
            fields["assignment_group"] = options.AssignmentGroup;
        }

        if (!string.IsNullOrWhiteSpace(options.Caller))
        {
            fields["caller_id"] = options.Caller;
        }

        return fields;
    }

    /// <summary>Impact and urgency (1 high … 3 low) from our severity, so ServiceNow's priority matrix gives
    /// Critical → P1, High → P2, Medium → P3, Low → P4, Info → P5.</summary>
    public static void Urgency(JsonObject fields, Severity severity)
    {
        var (impact, urgency) = Map(severity);
        fields["impact"] = impact;
        fields["urgency"] = urgency;
    }

    public static (string Impact, string Urgency) Map(Severity severity) => severity switch
    {
        Severity.Critical => ("1", "1"),
        Severity.High => ("1", "2"),
        Severity.Medium => ("2", "2"),
        Severity.Low => ("2", "3"),
        _ => ("3", "3"),
    };

    /// <summary>Resolves: state, close code and close notes (who resolved and why, e.g. a verified remediation).</summary>
    public static void Resolve(JsonObject fields, NotificationEvent e, ChannelOptions options)
    {
        fields["state"] = ResolvedState;
        fields["close_code"] = options.CloseCode;
        var notes = e.Reason is null ? EventSummary.Sentence(e) : $"{EventSummary.Sentence(e)}: {e.Reason}";
        fields["close_notes"] = Journal(notes);
    }

    /// <summary>A work note: the title, then the body (the channel's template, or the built-in facts).</summary>
    public static string WorkNote(ChannelMessage message) =>
        Journal(message.Title.ToPlain() + "\n" + message.Body.ToPlain());

    /// <summary>
    /// Plain text for a ServiceNow text or journal field. Journal fields render <c>[code]…[/code]</c> as HTML (where the
    /// instance allows it), so alert text must not carry that tag; the text is cut to the field's length.
    /// </summary>
    public static string Journal(string text) =>
        RenderedText.Truncate(CodeTag().Replace(text, m => $"({m.Groups[1].Value}code)"), TextLength);

    [GeneratedRegex(@"\[(/?)code\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeTag();
}
