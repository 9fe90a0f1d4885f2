namespace IncidentPlatform.Store.Tests.Contract;

/// <summary>Counters, leases and checkpoints.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task IncrementAsync_WithinTheWindow_Accumulates()
    {
        var key = TestData.NewId("runs");

        (await Store.Counters.GetAsync(key)).ShouldBe(0);
        (await Store.Counters.IncrementAsync(key, 1, Ttl)).ShouldBe(1);
        (await Store.Counters.IncrementAsync(key, 5, Ttl)).ShouldBe(6);
        (await Store.Counters.IncrementAsync(key, -2, Ttl)).ShouldBe(4);

        (await Store.Counters.GetAsync(key)).ShouldBe(4);
    }

    [Fact]
    public async Task IncrementAsync_AfterTheWindow_StartsFromZero()
    {
        var key = TestData.NewId("runs");
        await Store.Counters.IncrementAsync(key, 7, Ttl);
        await ElapseAsync(TtlTimes(1.5));

        (await Store.Counters.GetAsync(key)).ShouldBe(0);
        (await Store.Counters.IncrementAsync(key, 2, Ttl)).ShouldBe(2);
    }

    [Fact]
    public async Task IncrementAsync_LaterIncrements_DoNotMoveTheWindow()
    {
        var key = TestData.NewId("runs");
        await Store.Counters.IncrementAsync(key, 1, Ttl);
        await ElapseAsync(TtlTimes(0.6));
        (await Store.Counters.IncrementAsync(key, 1, Ttl)).ShouldBe(2);

        await ElapseAsync(TtlTimes(0.6));

        (await Store.Counters.GetAsync(key)).ShouldBe(0);
    }

    [Fact]
    public async Task IncrementAsync_ParallelIncrements_CountEveryOne()
    {
        var key = TestData.NewId("runs");

        var values = await InParallel(100, _ => Store.Counters.IncrementAsync(key, 1, Ttl));

        values.Order().ShouldBe(Enumerable.Range(1, 100).Select(i => (long)i));
        (await Store.Counters.GetAsync(key)).ShouldBe(100);
    }

    [Fact]
    public async Task TryAcquireAsync_HeldLease_IsExclusiveAndRenewableByItsOwner()
    {
        var name = TestData.NewId("lease");

        (await Store.Leases.TryAcquireAsync(name, "a", Ttl)).ShouldBeTrue();
        (await Store.Leases.TryAcquireAsync(name, "b", Ttl)).ShouldBeFalse();
        await ElapseAsync(TtlTimes(0.6));
        (await Store.Leases.TryAcquireAsync(name, "a", Ttl)).ShouldBeTrue();
        await ElapseAsync(TtlTimes(0.6));

        (await Store.Leases.TryAcquireAsync(name, "b", Ttl)).ShouldBeFalse();
    }

    [Fact]
    public async Task TryAcquireAsync_ExpiredLease_GoesToAnotherOwner()
    {
        var name = TestData.NewId("lease");
        await Store.Leases.TryAcquireAsync(name, "a", Ttl);
        await ElapseAsync(TtlTimes(1.5));

        (await Store.Leases.TryAcquireAsync(name, "b", Ttl)).ShouldBeTrue();
        (await Store.Leases.TryAcquireAsync(name, "a", Ttl)).ShouldBeFalse();
    }

    [Fact]
    public async Task ReleaseAsync_Lease_FreesItOnlyForItsOwner()
    {
        var name = TestData.NewId("lease");
        await Store.Leases.TryAcquireAsync(name, "a", Ttl);

        await Store.Leases.ReleaseAsync(name, "b");
        (await Store.Leases.TryAcquireAsync(name, "b", Ttl)).ShouldBeFalse();
        await Store.Leases.ReleaseAsync(name, "a");

        (await Store.Leases.TryAcquireAsync(name, "b", Ttl)).ShouldBeTrue();
    }

    [Fact]
    public async Task TryAcquireAsync_ParallelOwners_ExactlyOneWins()
    {
        var name = TestData.NewId("lease");

        var acquired = await InParallel(30, i => Store.Leases.TryAcquireAsync(name, "owner-" + i, Ttl));

        acquired.Count(a => a).ShouldBe(1);
    }

    [Fact]
    public async Task CheckpointSetAsync_Values_LastOneIsReadAndDoesNotExpire()
    {
        var name = TestData.NewId("splunk");

        (await Store.Checkpoints.GetAsync(name)).ShouldBeNull();
        await Store.Checkpoints.SetAsync(name, "2026-03-01T12:00:00Z");
        await Store.Checkpoints.SetAsync(name, "2026-03-01T12:05:00Z");
        await ElapseAsync(TtlTimes(1.5));

        (await Store.Checkpoints.GetAsync(name)).ShouldBe("2026-03-01T12:05:00Z");
    }
}
