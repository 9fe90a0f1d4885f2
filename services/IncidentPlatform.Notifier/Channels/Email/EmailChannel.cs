using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Channels.Email;

/// <summary>E-mail over SMTP with STARTTLS and AUTH: a text and an HTML alternative, threaded per incident.</summary>
internal sealed class EmailChannel(string name, ChannelOptions options, TimeProvider time) : ChannelBase(name, options)
{
    private readonly X509Certificate2? _trustedRoot = string.IsNullOrWhiteSpace(options.TrustedCertificate)
        ? null
        : X509CertificateLoader.LoadCertificateFromFile(options.TrustedCertificate);

    public override string Type => ChannelTypes.Email;

    public override async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var from = new MailAddress(Options.From!);
        var to = Options.To.Select(a => new MailAddress(a)).ToList();
        var html = $"<!DOCTYPE html><html><body><h3>{TextFormats.ToHtml(message.Title)}</h3>\n<p>{TextFormats.ToHtml(message.Body)}</p></body></html>";
        var mime = MimeMessage.Build(from, to, message.Title.ToPlain(), message.Body.ToPlain(), html,
            message.DeliveryId, message.Event.Type == EventTypes.StormSummary ? null : message.Event.IncidentId, time.GetUtcNow());
        try
        {
            await using var session = await SmtpSession.ConnectAsync(Options.Host!, Options.Port, cancellationToken);
            if (Options.StartTls)
            {
                await session.StartTlsAsync(_trustedRoot, cancellationToken);
            }

            if (!string.IsNullOrEmpty(Options.Username))
            {
                await session.AuthenticateAsync(Options.Username, Options.Password ?? "", cancellationToken);
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
            return SendResult.Permanent($"SMTP TLS with {Options.Host}: {e.Message}");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return SendResult.Transient($"SMTP {Options.Host}:{Options.Port}: {e.Message}");
        }
    }
}
