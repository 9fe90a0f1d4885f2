using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;
using MimeKit;

namespace IncidentPlatform.Notifier.Channels.Email;

/// <summary>
/// The e-mail of a notification (MimeKit): <c>multipart/alternative</c> with a plain-text and an HTML part; the
/// Message-ID is the delivery's, and every message about one incident references the incident, so mail clients group
/// them into one conversation. MimeKit encodes the subject, so no header can be injected through it.
/// </summary>
internal static class EmailMessage
{
    public static MimeMessage Build(string from, IEnumerable<string> to, ChannelMessage message, DateTimeOffset date)
    {
        var sender = MailboxAddress.Parse(from);
        var domain = sender.Domain;
        var html = $"<!DOCTYPE html><html><body><h3>{TextFormats.ToHtml(message.Title)}</h3>\n<p>{TextFormats.ToHtml(message.Body)}</p></body></html>";
        var mime = new MimeMessage
        {
            Subject = message.Title.ToPlain(),
            Date = date,
            MessageId = $"{message.DeliveryId}@{domain}",
            Body = new BodyBuilder { TextBody = message.Body.ToPlain(), HtmlBody = html }.ToMessageBody(),
        };
        mime.From.Add(sender);
        mime.To.AddRange(to.Select(MailboxAddress.Parse));
        if (message.Event.Type != EventTypes.StormSummary)
        {
            var thread = $"{message.Event.IncidentId}@{domain}";
            mime.References.Add(thread);
            mime.InReplyTo = thread;
        }

        return mime;
    }
}
