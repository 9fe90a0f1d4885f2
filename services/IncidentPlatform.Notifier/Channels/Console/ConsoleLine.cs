using System.Globalization;
using System.Text;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Channels.Console;

/// <summary>
/// The console channel's default format: one short line a person reads in a terminal, e.g.
/// <c>notify 08:00:12Z HIGH inc-… Approval requested: aws.ec2.reboot-instances — CPUUtilization above 95% [orders]</c>.
/// Alert text is untrusted: control characters (terminal escapes, line breaks) become spaces and the title is cut.
/// </summary>
internal static class ConsoleLine
{
    public const int MaxTitle = 100;

    public static string Format(ChannelMessage message)
    {
        var e = message.Event;
        var line = new StringBuilder("notify ")
            .Append(e.OccurredAt.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(' ')
            .Append(e.Severity.ToString().ToUpperInvariant()).Append(' ')
            .Append(e.IncidentId).Append(' ')
            .Append(EventSummary.Sentence(e));
        if (e.Incident?.Title is { Length: > 0 } title)
        {
            line.Append(" — ").Append(title.Length > MaxTitle ? string.Concat(title.AsSpan(0, MaxTitle - 1), "…") : title);
        }

        if (e.Incident?.Service is { Length: > 0 } service)
        {
            line.Append(" [").Append(service).Append(']');
        }

        for (var i = 0; i < line.Length; i++)
        {
            if (char.IsControl(line[i]))
            {
                line[i] = ' ';
            }
        }

        return line.ToString();
    }
}
