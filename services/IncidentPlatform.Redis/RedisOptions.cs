using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace IncidentPlatform.Redis;

/// <summary>
/// Where and how to connect. Usually made by <see cref="Parse"/> from <c>ConnectionStrings:redis</c>, in the
/// Aspire/StackExchange form (<c>host:port,password=…,ssl=true</c>) or as a <c>redis://</c>/<c>rediss://</c> URI.
/// Read once by <see cref="RedisConnection.ConnectAsync(RedisOptions, Microsoft.Extensions.Logging.ILogger?, CancellationToken)"/>;
/// changing it afterwards has no effect on that connection.
/// </summary>
public sealed partial class RedisOptions
{
    /// <summary>The default Redis port.</summary>
    public const int DefaultPort = 6379;

    /// <summary>The server's host name or IP address.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>The server's port (<see cref="DefaultPort"/> unless given).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>The ACL user to authenticate as (<c>AUTH user password</c>); null for the default user.</summary>
    public string? User { get; set; }

    /// <summary>The password (<c>AUTH</c>); null when the server requires none.</summary>
    public string? Password { get; set; }

    /// <summary>The database to <c>SELECT</c> after connecting (<c>defaultDatabase</c>, or the URI path).</summary>
    public int Database { get; set; }

    /// <summary>The name given to the connection with <c>CLIENT SETNAME</c> (<c>name</c>); null for none.</summary>
    public string? ClientName { get; set; }

    /// <summary>Whether to connect with TLS (<c>ssl=true</c>, or a <c>rediss://</c> URI).</summary>
    public bool Ssl { get; set; }

    /// <summary>The name the server's certificate must carry (<c>sslHost</c>); <see cref="Host"/> when null.</summary>
    public string? SslHost { get; set; }

    /// <summary>
    /// Accept any server certificate (<c>sslInsecure=true</c>). Off by default: only for development against a server
    /// whose certificate cannot be trusted otherwise; prefer <see cref="TrustedCertificates"/>.
    /// </summary>
    public bool SslInsecure { get; set; }

    /// <summary>
    /// Certificate authorities to trust for the server's certificate instead of the system store (a private CA, a
    /// self-signed server certificate). Revocation is not checked against them, as SslStream does by default.
    /// </summary>
    public X509Certificate2Collection? TrustedCertificates { get; set; }

    /// <summary>A custom validation of the server's certificate; when set it alone decides.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }

    /// <summary>How long connecting (TCP, TLS, AUTH, SELECT) may take (<c>connectTimeout</c>, milliseconds).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a command waits for its reply before failing with <see cref="RedisTimeoutException"/>
    /// (<c>syncTimeout</c>/<c>asyncTimeout</c>, milliseconds); <see cref="Timeout.InfiniteTimeSpan"/> to wait forever.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether <c>ConnectAsync</c> throws when the first attempt fails (<c>abortConnect</c>, default true). When false
    /// it returns a connection that keeps reconnecting in the background and fails commands fast until it connects.
    /// </summary>
    public bool AbortOnConnectFail { get; set; } = true;

    /// <summary>The delay before the first reconnect attempt; it doubles with every failed attempt (with jitter).</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay between two reconnect attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The endpoint as <c>host:port</c> (an IPv6 address in brackets), for messages and logs.</summary>
    public string EndPoint => (Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host) + ":" + Port;

    /// <summary>The options in connection-string form, with the password left out.</summary>
    public override string ToString() =>
        EndPoint + (User is null ? "" : ",user=" + User) + (Password is null ? "" : ",password=*****")
        + (Ssl ? ",ssl=true" : "") + (Database != 0 ? ",defaultDatabase=" + Database : "");

    internal RedisOptions Clone() => (RedisOptions)MemberwiseClone();

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("RedisOptions.Host is required.");
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"RedisOptions.Port {Port} is not a TCP port (1-65535).");
        }

        if (User is not null && Password is null)
        {
            throw new ArgumentException($"RedisOptions.User '{User}' is set without a password; AUTH needs both.");
        }

        if (Database < 0)
        {
            throw new ArgumentException($"RedisOptions.Database {Database} is negative.");
        }

        if (ConnectTimeout <= TimeSpan.Zero && ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("RedisOptions.ConnectTimeout must be positive.");
        }

        if (CommandTimeout <= TimeSpan.Zero && CommandTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("RedisOptions.CommandTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (ReconnectBaseDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectBaseDelay)
        {
            throw new ArgumentException("RedisOptions.ReconnectBaseDelay must be positive and at most ReconnectMaxDelay.");
        }
    }
}
