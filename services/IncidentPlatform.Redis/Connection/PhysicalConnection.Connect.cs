using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Redis;

/// <summary>Opening a connection: TCP, TLS, then the handshake (AUTH, CLIENT SETNAME, SELECT).</summary>
internal sealed partial class PhysicalConnection
{
    /// <summary>
    /// Connects and authenticates within <see cref="RedisOptions.ConnectTimeout"/>. <paramref name="onFailed"/> is
    /// called once, synchronously, when the connection later fails (before its in-flight commands are failed).
    /// </summary>
    /// <exception cref="RedisConnectionException">The server could not be reached, TLS failed, or the handshake was refused.</exception>
    public static async Task<PhysicalConnection> ConnectAsync(
        RedisOptions options,
        ILogger logger,
        Action<PhysicalConnection, Exception> onFailed,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        PhysicalConnection? connection = null;
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Ssl)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(TlsOptions(options), timeout.Token).ConfigureAwait(false);
            }

            connection = new PhysicalConnection(socket, stream, options.EndPoint, logger, onFailed);
            connection.Start();
            await connection.HandshakeAsync(options, timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            if (ex is RedisConnectionException)
            {
                throw;
            }

            throw ex switch
            {
                OperationCanceledException => new RedisConnectionException(
                    $"Connecting to {options.EndPoint} timed out after {options.ConnectTimeout.TotalMilliseconds:0} ms."),
                RedisServerException => new RedisConnectionException(
                    $"{options.EndPoint} refused the connection's handshake: {ex.Message}", ex),
                AuthenticationException => new RedisConnectionException(
                    $"TLS with {options.EndPoint} failed: {ex.Message} (trust its CA with RedisOptions.TrustedCertificates).", ex),
                _ => new RedisConnectionException($"Could not connect to {options.EndPoint}: {ex.Message}", ex),
            };
        }
    }

    private static SslClientAuthenticationOptions TlsOptions(RedisOptions options)
    {
        var tls = new SslClientAuthenticationOptions { TargetHost = options.SslHost ?? options.Host };
        if (options.CertificateValidation is not null)
        {
            tls.RemoteCertificateValidationCallback = options.CertificateValidation;
        }
        else if (options.SslInsecure)
        {
            tls.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (options.TrustedCertificates is { Count: > 0 } roots)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.AddRange(roots);
            tls.CertificateChainPolicy = policy;
        }

        return tls;
    }

    private async Task HandshakeAsync(RedisOptions options, CancellationToken cancellationToken)
    {
        // Pipelined, one round trip. AUTH first, so the others run authenticated; PING last proves the server
        // answers and needs nothing more (a missing password shows here as NOAUTH, not on the first real command).
        var auth = options.Password is null
            ? default(ValueTask<RedisValue>?)
            : options.User is null
                ? Execute("AUTH", [options.Password], cancellationToken)
                : Execute("AUTH", [options.User, options.Password], cancellationToken);
        var name = options.ClientName is null ? default(ValueTask<RedisValue>?) : Execute("CLIENT", ["SETNAME", options.ClientName], cancellationToken);
        var select = options.Database == 0 ? default(ValueTask<RedisValue>?) : Execute("SELECT", [options.Database], cancellationToken);
        var ping = Execute("PING", [], cancellationToken);

        var authError = auth is { } authReply ? await ReplyErrorAsync(authReply).ConfigureAwait(false) : null;
        var nameError = name is { } nameReply ? await ReplyErrorAsync(nameReply).ConfigureAwait(false) : null;
        var selectError = select is { } selectReply ? await ReplyErrorAsync(selectReply).ConfigureAwait(false) : null;
        var pingError = await ReplyErrorAsync(ping).ConfigureAwait(false);
        if ((authError ?? selectError ?? pingError) is { } refused)
        {
            throw refused;
        }

        if (nameError is not null)
        {
            // Not fatal: an ACL user may lack CLIENT; the name only helps operators.
            RedisLog.ClientNameRefused(_logger, EndPoint, nameError.Message);
        }
    }

    private ValueTask<RedisValue> Execute(string command, ReadOnlySpan<RedisArgument> arguments, CancellationToken cancellationToken) =>
        Send(command, arguments, default, default, ReplyShape.Value, cancellationToken, out var failure) is { } pending
            ? pending.As<RedisValue>()
            : PendingCommand.Failed<RedisValue>(failure!, cancellationToken);

    private static async Task<RedisServerException?> ReplyErrorAsync(ValueTask<RedisValue> reply)
    {
        try
        {
            await reply.ConfigureAwait(false);
            return null;
        }
        catch (RedisServerException ex)
        {
            return ex;
        }
    }
}
