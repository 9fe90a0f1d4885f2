using IncidentPlatform.Testing;

namespace IncidentPlatform.Redis.Tests.Integration;

public sealed class CancellationTests(RedisFixture redis)
{
    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_CancelledWhileBlocked_CompletesCancelledAndConnectionStaysInSync()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        await using var other = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var list = TestKeys.Unique("blocked");
        var key = TestKeys.Unique("after");
        using var cancel = new CancellationTokenSource();

        var blocked = connection.ExecuteAsync("BLPOP", [list, 0], cancel.Token).AsTask();
        var queuedBehind = connection.SetAsync(key, "queued").AsTask();
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => blocked);
        blocked.IsCanceled.ShouldBeTrue();
        await other.ListRightPushAsync(list, ["popped-by-the-cancelled-command"]);

        (await queuedBehind).ShouldBeTrue();
        (await connection.GetAsync(key)).ToString().ShouldBe("queued");
        (await connection.ListLengthAsync(list)).ShouldBe(0); // the BLPOP ran; its reply was read and discarded
        (await connection.IncrementByAsync(key + ":n", 7)).ShouldBe(7);
    }

    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_AlreadyCancelledToken_DoesNotSendTheCommand()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("notsent");

        var increment = connection.IncrementByAsync(key, 1, new CancellationToken(canceled: true)).AsTask();

        await Should.ThrowAsync<OperationCanceledException>(() => increment);
        increment.IsCanceled.ShouldBeTrue();
        (await connection.GetAsync(key)).IsNull.ShouldBeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_NoReplyWithinCommandTimeout_ThrowsTimeoutAndConnectionStaysInSync()
    {
        var options = RedisOptions.Parse(redis.ConnectionString + ",syncTimeout=300");
        await using var connection = await RedisConnection.ConnectAsync(options);
        await using var other = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var list = TestKeys.Unique("slow");

        var error = await Should.ThrowAsync<RedisTimeoutException>(async () => await connection.ExecuteAsync("BLPOP", list, 0));
        await other.ListRightPushAsync(list, ["late"]);

        error.Message.ShouldContain("BLPOP");
        error.Message.ShouldContain("300 ms");
        (await connection.ListLengthAsync(list)).ShouldBe(0);
        await connection.SetAsync(list + ":k", "v");
        (await connection.GetAsync(list + ":k")).ToString().ShouldBe("v");
        connection.IsConnected.ShouldBeTrue();
    }
}
