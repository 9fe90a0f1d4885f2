using IncidentPlatform.Testing;

namespace IncidentPlatform.Redis.Tests.Integration;

public sealed class ServerErrorTests(RedisFixture redis)
{
    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_WrongType_ThrowsServerExceptionAndConnectionStaysUsable()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("wrongtype");
        await connection.ListRightPushAsync(key, ["x"]);

        var error = await Should.ThrowAsync<RedisServerException>(async () => await connection.GetAsync(key));
        await connection.SetAsync(key + ":ok", "fine");

        error.ErrorCode.ShouldBe("WRONGTYPE");
        error.Message.ShouldStartWith("WRONGTYPE Operation against a key holding the wrong kind of value");
        (await connection.GetAsync(key + ":ok")).ToString().ShouldBe("fine");
        connection.IsConnected.ShouldBeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_ErrorsAmongPipelinedCommands_FailOnlyTheirOwnCommand()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("mixed");

        var first = connection.IncrementByAsync(key, 1);
        var bad = connection.ExecuteAsync("NOSUCHCOMMAND", "x");
        var second = connection.IncrementByAsync(key, 1);
        var wrongArity = connection.ExecuteAsync("GET");

        (await first).ShouldBe(1);
        (await Should.ThrowAsync<RedisServerException>(async () => await bad)).Message.ShouldContain("unknown command");
        (await second).ShouldBe(2);
        (await Should.ThrowAsync<RedisServerException>(async () => await wrongArity)).Message.ShouldContain("wrong number of arguments");
    }

    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_ErrorInsideScriptResultArray_IsAnErrorElement()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);

        var reply = await connection.ExecuteAsync("EVAL", "return {1, redis.error_reply('MY failure')}", 0);

        reply[1].Kind.ShouldBe(RedisValueKind.Error);
        reply[1].ToString().ShouldBe("MY failure");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("MULTI")]
    [InlineData("subscribe")]
    [InlineData("Select")]
    [InlineData("HELLO")]
    public async Task ExecuteAsync_CommandThatWouldBreakSharing_IsRefusedBeforeSending(string command)
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("shared");

        var error = Should.Throw<NotSupportedException>(() => connection.ExecuteAsync(command, "1"));
        await connection.SetAsync(key, "still fine");

        error.Message.ShouldContain(command.ToUpperInvariant());
        (await connection.GetAsync(key)).ToString().ShouldBe("still fine");
    }
}
