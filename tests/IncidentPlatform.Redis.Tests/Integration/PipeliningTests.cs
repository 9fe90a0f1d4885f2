using IncidentPlatform.Testing;

namespace IncidentPlatform.Redis.Tests.Integration;

public sealed class PipeliningTests(RedisFixture redis)
{
    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_200ConcurrentCallersWith100CommandsEach_EveryCallerGetsItsOwnReplies()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var prefix = TestKeys.Unique("fifo");

        var callers = Enumerable.Range(0, 200).Select(caller => Task.Run(async () =>
        {
            var mismatches = 0;
            for (var i = 0; i < 100; i++)
            {
                var key = $"{prefix}:{caller}:{i}";
                var value = $"{caller}-{i}";
                await connection.SetAsync(key, value);
                var read = await connection.GetAsync(key);
                var counter = await connection.IncrementByAsync($"{prefix}:{caller}:n", 1);
                if (read.ToString() != value || counter != i + 1)
                {
                    mismatches++;
                }
            }

            return mismatches;
        }));
        var results = await Task.WhenAll(callers);

        results.Sum().ShouldBe(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_10000CommandsIssuedBeforeAwaiting_RepliesMatchInOrder()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var key = TestKeys.Unique("burst");

        var replies = new ValueTask<long>[10_000];
        for (var i = 0; i < replies.Length; i++)
        {
            replies[i] = connection.IncrementByAsync(key, 1);
        }

        for (var i = 0; i < replies.Length; i++)
        {
            (await replies[i]).ShouldBe(i + 1);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task ExecuteAsync_LargeAndSmallValuesInterleaved_ArriveIntact()
    {
        await using var connection = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var prefix = TestKeys.Unique("large");
        var large = new byte[3 * 1024 * 1024 + 7];
        Random.Shared.NextBytes(large);

        var writes = Enumerable.Range(0, 6).Select(i => connection.SetAsync($"{prefix}:{i}", i % 2 == 0 ? large : $"small-{i}").AsTask()).ToArray();
        await Task.WhenAll(writes);
        var reads = Enumerable.Range(0, 6).Select(i => connection.GetAsync($"{prefix}:{i}").AsTask()).ToArray();
        var values = await Task.WhenAll(reads);

        for (var i = 0; i < 6; i++)
        {
            if (i % 2 == 0)
            {
                values[i].Memory.Span.SequenceEqual(large).ShouldBeTrue($"value {i}");
            }
            else
            {
                values[i].ToString().ShouldBe($"small-{i}");
            }
        }
    }
}
