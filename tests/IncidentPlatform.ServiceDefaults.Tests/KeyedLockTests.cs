using IncidentPlatform.ServiceDefaults.Concurrency;

namespace IncidentPlatform.ServiceDefaults.Tests;

public sealed class KeyedLockTests
{
    [Fact]
    public async Task Acquire_SameKey_WaitsForTheHolder_OtherKeysDoNot()
    {
        var locks = new KeyedLock();
        var held = await locks.AcquireAsync("a", CancellationToken.None);

        var same = locks.AcquireAsync("a", CancellationToken.None);
        var other = locks.AcquireAsync("b", CancellationToken.None);

        (await other).Dispose();
        same.IsCompleted.ShouldBeFalse();
        held.Dispose();
        (await same).Dispose();
    }

    [Fact]
    public async Task Acquire_Cancelled_LeavesTheLockUsable()
    {
        var locks = new KeyedLock();
        var held = await locks.AcquireAsync("a", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = locks.AcquireAsync("a", cancel.Token);
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        (await locks.AcquireAsync("a", CancellationToken.None)).Dispose();
    }

    [Fact]
    public async Task Acquire_ManyConcurrent_NeverTwoHoldersAtOnce()
    {
        var locks = new KeyedLock();
        var inside = 0;
        var maximum = 0;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            using var held = await locks.AcquireAsync(i % 2 == 0 ? "a" : "b", CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maximum, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        })));

        maximum.ShouldBeLessThanOrEqualTo(2); // one holder of "a" and one of "b" at most
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
