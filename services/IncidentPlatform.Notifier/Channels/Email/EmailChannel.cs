using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using IncidentPlatform.Notifier.Configuration;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace IncidentPlatform.Notifier.Channels.Email;

/// <summary>
/// E-mail over SMTP through MailKit: STARTTLS (required unless <see cref="ChannelOptions.StartTls"/> is off) with the
/// server's certificate checked against the system store or <see cref="ChannelOptions.TrustedCertificate"/>, AUTH when
/// a user is configured, then the message. 4xx replies and lost connections are transient; 5xx, refused
/// authentication and an untrusted certificate are permanent.
/// </summary>
internal sealed class EmailChannel(string name, ChannelOptions options, TimeProvider time) : ChannelBase(name, options)
{
    private readonly X509Certificate2? _trustedRoot = string.IsNullOrWhiteSpace(options.TrustedCertificate)
        ? null
        : X509CertificateLoader.LoadCertificateFromFile(options.TrustedCertificate);

    public override string Type => ChannelTypes.Email;

    public override async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var mime = EmailMessage.Build(Options.From!, Options.To, message, time.GetUtcNow());
        using var smtp = new SmtpClient { ServerCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors) };
        try
        {
            await smtp.ConnectAsync(Options.Host!, Options.Port,
                Options.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(Options.Username))
            {
                await smtp.AuthenticateAsync(Options.Username, Options.Password ?? "", cancellationToken);
            }

            await smtp.SendAsync(mime, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            var detail = $"SMTP {e.ErrorCode}: {(int)e.StatusCode} {e.Message}";
            return (int)e.StatusCode is >= 400 and < 500 ? SendResult.Transient(detail) : SendResult.Permanent(detail);
        }
        catch (AuthenticationException e)
        {
            return SendResult.Permanent($"SMTP AUTH as {Options.Username}: {e.Message}");
        }
        catch (SslHandshakeException e)
        {
            return SendResult.Permanent($"SMTP TLS with {Options.Host}: {e.Message}");
        }
        catch (NotSupportedException e)
        {
            // The server offers no STARTTLS (or no AUTH), and the channel requires it.
            return SendResult.Permanent($"SMTP {Options.Host}: {e.Message}");
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException)
        {
            return SendResult.Transient($"SMTP {Options.Host}:{Options.Port}: {e.Message}");
        }

        await QuitAsync(smtp);
        return SendResult.Delivered();
    }

    // The message is accepted; a QUIT that fails changes nothing.
    private static async Task QuitAsync(SmtpClient smtp)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await smtp.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ServiceNotConnectedException or SmtpProtocolException)
        {
            // The connection is closed either way.
        }
    }

    // The system trust store, or else a chain to the configured root (a private CA or a self-signed server).
    private bool Trusted(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (_trustedRoot is null || certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_trustedRoot);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }
}
