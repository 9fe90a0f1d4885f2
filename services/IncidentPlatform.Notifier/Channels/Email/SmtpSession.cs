using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace IncidentPlatform.Notifier.Channels.Email;

/// <summary>
/// A small SMTP client (RFC 5321): EHLO, STARTTLS (RFC 3207) with certificate validation, AUTH PLAIN or LOGIN
/// (RFC 4954) only over TLS, MAIL/RCPT/DATA with dot-stuffing, QUIT. MailKit does not restore here, and
/// System.Net.Mail validates certificates only through a process-wide callback.
/// </summary>
internal sealed class SmtpSession : IAsyncDisposable
{
    private readonly TcpClient _client;
    private Stream _stream;
    private StreamReader _reader;
    private readonly string _host;

    private SmtpSession(TcpClient client, string host)
    {
        _client = client;
        _host = host;
        _stream = client.GetStream();
        _reader = new StreamReader(_stream, Encoding.ASCII, false, 1024, leaveOpen: true);
    }

    /// <summary>What the server said it supports in its last EHLO answer.</summary>
    public IReadOnlyList<string> Extensions { get; private set; } = [];

    public bool IsTls => _stream is SslStream;

    public static async Task<SmtpSession> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, cancellationToken);
            var session = new SmtpSession(client, host);
            await session.ExpectAsync(220, "connect", cancellationToken);
            await session.HelloAsync(cancellationToken);
            return session;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task StartTlsAsync(X509Certificate2? trustedRoot, CancellationToken cancellationToken)
    {
        if (!Extensions.Any(e => e.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase)))
        {
            throw new SmtpReplyException(554, "the server does not offer STARTTLS, and the channel requires it", "EHLO");
        }

        await CommandAsync("STARTTLS", 220, cancellationToken);
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false,
            (_, certificate, chain, errors) => Validate(certificate, errors, trustedRoot));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _host }, cancellationToken);
        _stream = tls;
        _reader = new StreamReader(_stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        await HelloAsync(cancellationToken);
    }

    public async Task AuthenticateAsync(string user, string password, CancellationToken cancellationToken)
    {
        var auth = Extensions.FirstOrDefault(e => e.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase))?
            .Split([' ', '='], StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(m => m.ToUpperInvariant()).ToHashSet() ?? [];
        if (auth.Contains("PLAIN"))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}"));
            await CommandAsync($"AUTH PLAIN {token}", 235, cancellationToken, "AUTH PLAIN");
        }
        else if (auth.Contains("LOGIN"))
        {
            await CommandAsync("AUTH LOGIN", 334, cancellationToken);
            await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(user)), 334, cancellationToken, "AUTH LOGIN user");
            await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)), 235, cancellationToken, "AUTH LOGIN password");
        }
        else
        {
            throw new SmtpReplyException(504, "the server offers neither AUTH PLAIN nor AUTH LOGIN", "EHLO");
        }
    }

    public async Task SendAsync(string from, IEnumerable<string> to, string message, CancellationToken cancellationToken)
    {
        await CommandAsync($"MAIL FROM:<{from}>", 250, cancellationToken);
        foreach (var recipient in to)
        {
            await CommandAsync($"RCPT TO:<{recipient}>", 250, cancellationToken, "RCPT TO");
        }

        await CommandAsync("DATA", 354, cancellationToken);
        var data = new StringBuilder();
        foreach (var line in message.Split("\r\n"))
        {
            data.Append(line.StartsWith('.') ? "." + line : line).Append("\r\n");
        }

        // The message ends with CRLF; the terminating line is a lone dot.
        var text = data.ToString();
        text = text.EndsWith("\r\n\r\n", StringComparison.Ordinal) ? text[..^2] : text;
        await WriteAsync(text + ".\r\n", cancellationToken);
        await ExpectAsync(250, "DATA end", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await WriteAsync("QUIT\r\n", timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is closed either way.
        }

        _reader.Dispose();
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2? trustedRoot)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (trustedRoot is null || certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustedRoot);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }

    private async Task HelloAsync(CancellationToken cancellationToken)
    {
        var lines = await CommandAsync($"EHLO {System.Net.Dns.GetHostName()}", 250, cancellationToken, "EHLO");
        Extensions = [.. lines.Skip(1)];
    }

    private async Task<IReadOnlyList<string>> CommandAsync(
        string command, int expected, CancellationToken cancellationToken, string? name = null)
    {
        await WriteAsync(command + "\r\n", cancellationToken);
        return await ExpectAsync(expected, name ?? command, cancellationToken);
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<string>> ExpectAsync(int expected, string command, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken)
                       ?? throw new IOException($"SMTP {command}: the server closed the connection");
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code))
            {
                throw new IOException($"SMTP {command}: malformed reply '{line}'");
            }

            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                if (code != expected)
                {
                    throw new SmtpReplyException(code, string.Join(" ", lines), command);
                }

                return lines;
            }
        }
    }
}
