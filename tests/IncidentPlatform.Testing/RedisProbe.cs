using System.Net;
using StackExchange.Redis;

namespace IncidentPlatform.Testing;

/// <summary>
/// Asks a <see cref="RedisServer"/> whether it is up, and shuts it down, through a short-lived StackExchange.Redis
/// connection of its own (never one under test). TLS here accepts the server's certificate unchecked: the fixture is
/// probing the server it started itself.
/// </summary>
internal static class RedisProbe
{
    /// <summary>Whether the server answers PING; false while it loads its data or is down.</summary>
    public static async Task<bool> AnswersPingAsync(int port, bool tls, string? password)
    {
        try
        {
            await using var connection = await ConnectAsync(port, tls, password, allowAdmin: false);
            await connection.GetDatabase().PingAsync();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Sends SHUTDOWN (the AOF flushed first); the server exits without replying.</summary>
    public static async Task ShutdownAsync(int port, bool tls, string? password)
    {
        try
        {
            await using var connection = await ConnectAsync(port, tls, password, allowAdmin: true);
            await connection.GetServer(connection.GetEndPoints()[0]).ExecuteAsync("SHUTDOWN");
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            // The server closes the socket as it exits; the caller waits for the process and kills it if need be.
        }
    }

    private static Task<ConnectionMultiplexer> ConnectAsync(int port, bool tls, string? password, bool allowAdmin)
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { new IPEndPoint(IPAddress.Loopback, port) },
            Password = password,
            Ssl = tls,
            SslHost = "localhost",
            AllowAdmin = allowAdmin,
            AbortOnConnectFail = true,
            ConnectRetry = 0,
            ConnectTimeout = 2_000,
            SyncTimeout = 5_000,
            AsyncTimeout = 5_000,
        };
        if (tls)
        {
            options.CertificateValidation += (_, _, _, _) => true;
        }

        return ConnectionMultiplexer.ConnectAsync(options);
    }
}
