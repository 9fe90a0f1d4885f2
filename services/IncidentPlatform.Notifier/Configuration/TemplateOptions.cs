namespace IncidentPlatform.Notifier.Configuration;

/// <summary>
/// A channel's message templates. Placeholders are <c>{{incident.title}}</c>, <c>{{event.summary}}</c> and so on
/// (see <see cref="Templates.TemplateFields"/>); the literal text is written in the channel's own format (Slack mrkdwn,
/// HTML for e-mail…), while every placeholder's value is escaped for that format. Unset: the built-in templates.
/// </summary>
public sealed class TemplateOptions
{
    /// <summary>The title or subject line.</summary>
    public string? Title { get; set; }

    /// <summary>The message body.</summary>
    public string? Text { get; set; }
}
