using IncidentPlatform.Testing;

namespace IncidentPlatform.Redis.Tests.Integration;

public sealed class CommandTests(RedisFixture redis)
{
    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_SetThenGet_ReturnsValue()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("exec");

        var set = await connection.ExecuteAsync("SET", key, "value");
        var get = await connection.ExecuteAsync("GET", key);

        set.Kind.ShouldBe(RedisValueKind.SimpleString);
        set.ToString().ShouldBe("OK");
        get.Kind.ShouldBe(RedisValueKind.BulkString);
        get.ToString().ShouldBe("value");
    }

    [Fact(Timeout = 30_000)]
    public async Task SetAsync_BinaryValue_RoundTripsEveryByte()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("binary");
        var value = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        (await connection.SetAsync(key, value)).ShouldBeTrue();
        var read = await connection.GetAsync(key);

        read.ToArray().ShouldBe(value);
    }

    [Fact(Timeout = 30_000)]
    public async Task SetAsync_Conditions_WriteOnlyWhenTheyHold()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("cond");

        (await connection.SetAsync(key, "a", condition: SetCondition.IfExists)).ShouldBeFalse();
        (await connection.SetAsync(key, "b", condition: SetCondition.IfNotExists)).ShouldBeTrue();
        (await connection.SetAsync(key, "c", condition: SetCondition.IfNotExists)).ShouldBeFalse();
        (await connection.SetAsync(key, "d", condition: SetCondition.IfExists)).ShouldBeTrue();
        (await connection.SetAndGetAsync(key, "e")).ToString().ShouldBe("d");

        (await connection.GetAsync(key)).ToString().ShouldBe("e");
    }

    [Fact(Timeout = 30_000)]
    public async Task SetAsync_WithExpiry_SetsTimeToLive()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("ttl");

        await connection.SetAsync(key, "v", expiry: TimeSpan.FromMinutes(5));
        var ttl = (await connection.ExecuteAsync("PTTL", key)).ToInt64();

        ttl.ShouldBeInRange(1, 300_000);
    }

    [Fact(Timeout = 30_000)]
    public async Task KeyCommands_DeleteExistsExpireIncrement_BehaveAsRedis()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var counter = TestKeys.Unique("counter");
        var other = TestKeys.Unique("other");

        (await connection.IncrementByAsync(counter, 5)).ShouldBe(5);
        (await connection.IncrementByAsync(counter, -2)).ShouldBe(3);
        (await connection.GetAsync(counter)).ToInt64().ShouldBe(3);
        (await connection.ExistsAsync([counter, other])).ShouldBe(1);
        (await connection.ExpireAsync(counter, TimeSpan.FromSeconds(30))).ShouldBeTrue();
        (await connection.ExpireAsync(other, TimeSpan.FromSeconds(30))).ShouldBeFalse();
        (await connection.DeleteAsync([counter, other])).ShouldBe(1);
        (await connection.GetAsync(counter)).IsNull.ShouldBeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task HashCommands_SetGetDeleteGetAll_RoundTrip()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("hash");

        (await connection.HashSetAsync(key, "status", "open")).ShouldBeTrue();
        (await connection.HashSetAsync(key, [("status", "ack"), ("severity", 3), ("owner", "ops")])).ShouldBe(2);
        (await connection.HashGetAsync(key, "status")).ToString().ShouldBe("ack");
        (await connection.HashDeleteAsync(key, ["owner", "missing"])).ShouldBe(1);
        var all = await connection.HashGetAllAsync(key);

        all.Keys.Order().ShouldBe(["severity", "status"]);
        all["severity"].ToInt64().ShouldBe(3);
        (await connection.HashGetAsync(key, "owner")).IsNull.ShouldBeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task SortedSetCommands_AddRangeScoreRemove_OrderByScore()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("zset");

        (await connection.SortedSetAddAsync(key, [("a", 1), ("b", 2.5), ("c", 3), ("d", 10)])).ShouldBe(4);
        (await connection.SortedSetAddAsync(key, "a", 0.5)).ShouldBeFalse();

        (await connection.SortedSetLengthAsync(key)).ShouldBe(4);
        (await connection.SortedSetScoreAsync(key, "b")).ShouldBe(2.5);
        (await connection.SortedSetScoreAsync(key, "zz")).ShouldBeNull();
        Texts(await connection.SortedSetRangeAsync(key)).ShouldBe(["a", "b", "c", "d"]);
        Texts(await connection.SortedSetRangeAsync(key, 0, 1, reverse: true)).ShouldBe(["d", "c"]);
        Texts(await connection.SortedSetRangeByScoreAsync(key, 1, 3)).ShouldBe(["b", "c"]);
        Texts(await connection.SortedSetRangeByScoreAsync(key, max: 3, reverse: true, skip: 1, take: 2)).ShouldBe(["b", "a"]);
        var withScores = await connection.SortedSetRangeByScoreWithScoresAsync(key, 3);
        withScores.Select(e => (e.Member.ToString(), e.Score)).ShouldBe([("c", 3d), ("d", 10d)]);
        (await connection.SortedSetRemoveAsync(key, ["a", "nope"])).ShouldBe(1);
        (await connection.SortedSetLengthAsync(key)).ShouldBe(3);
    }

    [Fact(Timeout = 30_000)]
    public async Task ListCommands_PushRangeLength_KeepOrder()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("list");

        (await connection.ListRightPushAsync(key, ["one", "two"])).ShouldBe(2);
        (await connection.ListRightPushAsync(key, [3])).ShouldBe(3);

        (await connection.ListLengthAsync(key)).ShouldBe(3);
        Texts(await connection.ListRangeAsync(key)).ShouldBe(["one", "two", "3"]);
        Texts(await connection.ListRangeAsync(key, 1, 1)).ShouldBe(["two"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task ScanAsync_Pattern_ReturnsEveryMatchingKey()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var prefix = TestKeys.Unique("scan");
        for (var i = 0; i < 250; i++)
        {
            await connection.SetAsync($"{prefix}:{i}", i);
        }

        var keys = new HashSet<string>();
        await foreach (var key in connection.ScanAsync($"{prefix}:*", pageSize: 20))
        {
            keys.Add(key.ToString()!);
        }

        keys.Count.ShouldBe(250);
        keys.ShouldContain($"{prefix}:249");
    }

    [Fact(Timeout = 30_000)]
    public async Task PingAsync_Connected_ReturnsRoundTrip()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);

        var elapsed = await connection.PingAsync();

        elapsed.ShouldBeGreaterThan(TimeSpan.Zero);
        connection.IsConnected.ShouldBeTrue();
        connection.Status.State.ShouldBe(RedisConnectionState.Connected);
    }

    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_NestedArrayReply_ParsesStructure()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);

        var reply = await connection.ExecuteAsync("EVAL", "return {1, {'a', 'b'}, {}}", 0);

        reply.Kind.ShouldBe(RedisValueKind.Array);
        reply[0].ToInt64().ShouldBe(1);
        Texts(reply[1].Items.ToArray()).ShouldBe(["a", "b"]);
        reply[2].Length.ShouldBe(0);
    }

    internal static string?[] Texts(RedisValue[] values) => [.. values.Select(v => v.ToString())];
}
