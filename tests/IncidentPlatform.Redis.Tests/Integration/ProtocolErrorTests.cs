namespace IncidentPlatform.Redis.Tests.Integration;

public sealed class ProtocolErrorTests
{
    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_MalformedReply_FailsInFlightCommandsAndReconnects()
    {
        // The first connection answers its handshake, then garbage; the next one behaves.
        await using var server = new FakeRedisServer((connection, command) => (connection, command) switch
        {
            (_, "PING") => "+PONG\r\n",
            (0, _) => "?this is not RESP\r\n",
            (_, "GET") => "$5\r\nfresh\r\n",
            _ => "-ERR unexpected\r\n",
        });
        var options = RedisOptions.Parse($"127.0.0.1:{server.Port}");
        options.ReconnectBaseDelay = TimeSpan.FromMilliseconds(10);
        options.ReconnectMaxDelay = TimeSpan.FromMilliseconds(50);
        await using var connection = await RedisConnection.ConnectAsync(options);

        var error = await Should.ThrowAsync<RedisConnectionException>(async () => await connection.GetAsync("k"));
        await ConnectionStates.WaitForAsync(connection, RedisConnectionState.Connected);
        var afterReconnect = await connection.GetAsync("k");

        error.InnerException.ShouldBeOfType<RedisProtocolException>().Message.ShouldContain("0x3F");
        afterReconnect.ToString().ShouldBe("fresh");
        server.Accepted.ShouldBe(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_ReplySplitAcrossManyWrites_IsReassembled()
    {
        var reply = "*3\r\n$5\r\nhello\r\n:42\r\n*1\r\n$-1\r\n";
        await using var server = new FakeRedisServer((_, command) => command == "PING" ? "+PONG\r\n" : reply, writeChunk: 1);
        await using var connection = await RedisConnection.ConnectAsync($"127.0.0.1:{server.Port}");

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => connection.ExecuteAsync("ECHO", "x").AsTask()));

        replies.ShouldAllBe(r => r.Length == 3 && r[0].ToString() == "hello" && r[1].ToInt64() == 42 && r[2][0].IsNull);
    }
}
