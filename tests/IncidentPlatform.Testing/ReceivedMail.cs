namespace IncidentPlatform.Testing;

/// <summary>One message an <see cref="SmtpServer"/> accepted.</summary>
/// <param name="EnvelopeFrom">The <c>MAIL FROM</c> address.</param>
/// <param name="EnvelopeTo">The <c>RCPT TO</c> addresses.</param>
/// <param name="Tls">True when the session had switched to TLS (STARTTLS) before the message.</param>
/// <param name="AuthenticatedAs">The login the client authenticated as, or null.</param>
/// <param name="Raw">The message as received (headers and body, CRLF line ends, dot-stuffing removed).</param>
public sealed record ReceivedMail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, bool Tls, string? AuthenticatedAs, string Raw);
