using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace IncidentPlatform.Notifier.Channels.Email;

/// <summary>
/// An RFC 5322 message, <c>multipart/alternative</c> with a plain-text and an HTML part (base64, UTF-8); the subject is
/// an RFC 2047 encoded word, so no header can be injected through it.
/// </summary>
internal static class MimeMessage
{
    public static string Build(
        MailAddress from, IReadOnlyList<MailAddress> to, string subject, string text, string html,
        string messageId, string? threadId, DateTimeOffset date)
    {
        var boundary = "=_ip_" + Guid.NewGuid().ToString("N");
        var builder = new StringBuilder();
        Header(builder, "From", from.ToString());
        Header(builder, "To", string.Join(", ", to.Select(a => a.ToString())));
        Header(builder, "Subject", EncodedWord(subject));
        Header(builder, "Date", date.ToString("ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(29, 1));
        Header(builder, "Message-ID", $"<{messageId}@{from.Host}>");
        if (threadId is not null)
        {
            // Mail clients group every message about one incident into one conversation.
            Header(builder, "References", $"<{threadId}@{from.Host}>");
            Header(builder, "In-Reply-To", $"<{threadId}@{from.Host}>");
        }

        Header(builder, "MIME-Version", "1.0");
        Header(builder, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        builder.Append("\r\n");
        Part(builder, boundary, "text/plain; charset=utf-8", text);
        Part(builder, boundary, "text/html; charset=utf-8", html);
        builder.Append("--").Append(boundary).Append("--\r\n");
        return builder.ToString();
    }

    private static void Header(StringBuilder builder, string name, string value) =>
        builder.Append(name).Append(": ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");

    private static string EncodedWord(string text)
    {
        var clean = text.ReplaceLineEndings(" ");
        return clean.All(c => c is >= ' ' and <= '~')
            ? clean
            : "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(clean)) + "?=";
    }

    private static void Part(StringBuilder builder, string boundary, string contentType, string content)
    {
        builder.Append("--").Append(boundary).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(content));
        for (var i = 0; i < base64.Length; i += 76)
        {
            builder.Append(base64.AsSpan(i, Math.Min(76, base64.Length - i))).Append("\r\n");
        }
    }
}
