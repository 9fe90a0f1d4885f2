using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Channels.Email;

/// <summary>E-mail over SMTP with STARTTLS and AUTH: a text and an HTML alternative, threaded per incident.</summary>
internal sealed class EmailChannel(string name, ChannelOptions options, TimeProvider time) : INotificationChannel
{
    private readonly X509Certificate2? _trustedRoot = string.IsNullOrWhiteSpace(options.TrustedCertificate)
        ? null
        : X509CertificateLoader.LoadCertificateFromFile(options.TrustedCertificate);

    public string Name => name;

    public string Type => ChannelTypes.Email;

    public ChannelOptions Options => options;

    public bool Accepts(NotificationEvent e) => true;

    public async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var from = new MailAddress(options.From!);
        var to = options.To.Select(a => new MailAddress(a)).ToList();
        var html = $"<!DOCTYPE html><html><body><h3>{TextFormats.ToHtml(message.Title)}</h3>\n<p>{TextFormats.ToHtml(message.Body)}</p></body></html>";
        var mime = MimeMessage.Build(from, to, message.Title.ToPlain(), message.Body.ToPlain(), html,
            message.DeliveryId, message.Event.Type == EventTypes.StormSummary ? null : message.Event.IncidentId, time.GetUtcNow());
        try
        {
            await using var session = await SmtpSession.ConnectAsync(options.Host!, options.Port, cancellationToken);
            if (options.StartTls)
            {
                await session.StartTlsAsync(_trustedRoot, cancellationToken);
            }

            if (!string.IsNullOrEmpty(options.Username))
            {
                await session.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken);
            }

            await session.SendAsync(from.Address, to.Select(a => a.Address), mime, cancellationToken);
            return SendResult.Delivered();
        }
        catch (SmtpReplyException e)
        {
            return e.Transient ? SendResult.Transient(e.Message) : SendResult.Permanent(e.Message);
        }
        catch (AuthenticationException e)
        {
            return SendResult.Permanent($"SMTP TLS with {options.Host}: {e.Message}");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return SendResult.Transient($"SMTP {options.Host}:{options.Port}: {e.Message}");
        }
    }
}
