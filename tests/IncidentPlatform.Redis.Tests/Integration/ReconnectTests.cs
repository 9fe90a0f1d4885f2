using System.Net;
using System.Net.Sockets;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Redis.Tests.Integration;

public sealed class ReconnectTests
{
    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_ServerStoppedThenRestarted_FailsFastThenReconnectsByItself()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var connection = await RedisConnection.ConnectAsync(Fast(server.ConnectionString));
        await connection.SetAsync("survives", "restart");

        await server.StopAsync();
        await ConnectionStates.WaitForAsync(connection, RedisConnectionState.Reconnecting);
        var whileDown = await Should.ThrowAsync<RedisConnectionException>(async () => await connection.GetAsync("survives"));
        var statusWhileDown = connection.Status;
        await server.StartAsync();
        await ConnectionStates.WaitForAsync(connection, RedisConnectionState.Connected);

        whileDown.Message.ShouldContain($"Not connected to 127.0.0.1:{server.Port}: reconnecting (attempt");
        whileDown.Message.ShouldContain("GET was not sent");
        statusWhileDown.LastError.ShouldNotBeNull();
        connection.IsConnected.ShouldBeTrue();
        (await connection.GetAsync("survives")).ToString().ShouldBe("restart"); // AOF kept it
    }

    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_ServerKilledWithCommandInFlight_FailsItWithConnectionException()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var connection = await RedisConnection.ConnectAsync(Fast(server.ConnectionString));
        await using var observer = await RedisConnection.ConnectAsync(server.ConnectionString);

        var blocked = connection.ExecuteAsync("BLPOP", "never-pushed", 0).AsTask();
        await WaitForBlockedClientAsync(observer);
        await server.KillAsync();

        var error = await Should.ThrowAsync<RedisConnectionException>(() => blocked);
        error.Message.ShouldContain("BLPOP in flight");
        error.Message.ShouldContain("may or may not have run");
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_NoServerWithAbortConnectFalse_ReturnsAndConnectsWhenServerStarts()
    {
        var server = new RedisServer();
        await using (server)
        {
            await using var connection = await RedisConnection.ConnectAsync(Fast($"127.0.0.1:{server.Port},abortConnect=false,connectTimeout=1000"));
            connection.IsConnected.ShouldBeFalse();
            var error = await Should.ThrowAsync<RedisConnectionException>(async () => await connection.PingAsync());

            await server.StartAsync();
            await ConnectionStates.WaitForAsync(connection, RedisConnectionState.Connected);

            error.Message.ShouldContain("reconnecting (attempt");
            error.Message.ShouldContain("last error");
            await connection.PingAsync();
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_NoServer_ThrowsConnectionExceptionNamingEndpoint()
    {
        var port = FreePort.Next();

        var error = await Should.ThrowAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync($"127.0.0.1:{port}"));

        error.Message.ShouldContain($"127.0.0.1:{port}");
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectAsync_ServerAcceptsButNeverAnswers_TimesOutAfterConnectTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0); // the kernel accepts; nobody ever replies
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var error = await Should.ThrowAsync<RedisConnectionException>(() =>
            RedisConnection.ConnectAsync($"127.0.0.1:{port},connectTimeout=300"));

        error.Message.ShouldBe($"Connecting to 127.0.0.1:{port} timed out after 300 ms.");
    }

    [Fact(Timeout = 30_000)]
    public async Task DisposeAsync_WithCommandInFlight_FailsItAndRejectsNewCommands()
    {
        await using var server = await RedisServer.StartNewAsync();
        var connection = await RedisConnection.ConnectAsync(server.ConnectionString);
        var blocked = connection.ExecuteAsync("BLPOP", "nothing", 0).AsTask();

        await connection.DisposeAsync();

        await Should.ThrowAsync<RedisConnectionException>(() => blocked);
        Should.Throw<ObjectDisposedException>(() => connection.ExecuteAsync("PING"));
        connection.Status.State.ShouldBe(RedisConnectionState.Disposed);
    }

    private static async Task WaitForBlockedClientAsync(RedisConnection observer)
    {
        for (var i = 0; i < 500; i++)
        {
            var info = (await observer.ExecuteAsync("INFO", "clients")).ToString()!;
            if (info.Contains("blocked_clients:1", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The BLPOP never reached the server.");
    }

    private static RedisOptions Fast(string connectionString)
    {
        var options = RedisOptions.Parse(connectionString);
        options.ReconnectBaseDelay = TimeSpan.FromMilliseconds(20);
        options.ReconnectMaxDelay = TimeSpan.FromMilliseconds(200);
        return options;
    }
}
