using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace IncidentPlatform.Testing;

/// <summary>
/// Talks to a <see cref="RedisServer"/> over a raw socket, independent of the client under test: is it up, shut it
/// down. TLS here accepts the server's certificate unchecked: the fixture is probing the server it started itself.
/// </summary>
internal static class RedisProbe
{
    /// <summary>Whether the server answers PING (PONG, or NOAUTH when it wants a password); false while it loads or is down.</summary>
    public static async Task<bool> AnswersPingAsync(int port, bool tls, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await OpenAsync(port, tls, cancellationToken);
            var reply = await SendAsync(stream, ["PING"], cancellationToken);
            return reply.StartsWith("+PONG", StringComparison.Ordinal) || reply.StartsWith("-NOAUTH", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends SHUTDOWN (after AUTH when a password is set); the server exits without replying.</summary>
    public static async Task ShutdownAsync(int port, bool tls, string? password)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await using var stream = await OpenAsync(port, tls, timeout.Token);
            if (password is not null)
            {
                await SendAsync(stream, ["AUTH", password], timeout.Token);
            }

            await SendAsync(stream, ["SHUTDOWN"], timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            // The server closes the socket as it exits; the caller waits for the process and kills it if need be.
        }
    }

    private static async Task<Stream> OpenAsync(int port, bool tls, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        Stream stream = new NetworkStream(socket, ownsSocket: true);
        if (tls)
        {
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false, (_, _, _, _) => true);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, cancellationToken);
            stream = ssl;
        }

        return stream;
    }

    private static async Task<string> SendAsync(Stream stream, string[] command, CancellationToken cancellationToken)
    {
        var request = new StringBuilder().Append('*').Append(command.Length).Append("\r\n");
        foreach (var part in command)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken);
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
