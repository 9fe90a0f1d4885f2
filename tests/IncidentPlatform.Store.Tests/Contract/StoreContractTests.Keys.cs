namespace IncidentPlatform.Store.Tests.Contract;

/// <summary>Idempotency claims and the cache.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task TryClaimAsync_FreeKey_FirstClaimWinsUntilItExpires()
    {
        var key = TestData.NewId("msg");

        (await Store.Idempotency.TryClaimAsync(key, Ttl)).ShouldBeTrue();
        (await Store.Idempotency.TryClaimAsync(key, Ttl)).ShouldBeFalse();
        await ElapseAsync(TtlTimes(1.5));

        (await Store.Idempotency.TryClaimAsync(key, Ttl)).ShouldBeTrue();
    }

    [Fact]
    public async Task TryClaimAsync_ParallelClaimers_ExactlyOneWins()
    {
        var key = TestData.NewId("msg");

        var claims = await InParallel(30, _ => Store.Idempotency.TryClaimAsync(key, Ttl));

        claims.Count(c => c).ShouldBe(1);
    }

    [Fact]
    public async Task ReleaseAsync_ClaimedKey_LetsTheNextClaimWin()
    {
        var key = TestData.NewId("msg");
        await Store.Idempotency.TryClaimAsync(key, Ttl);

        await Store.Idempotency.ReleaseAsync(key);
        await Store.Idempotency.ReleaseAsync(TestData.NewId("msg"));

        (await Store.Idempotency.TryClaimAsync(key, Ttl)).ShouldBeTrue();
    }

    [Fact]
    public async Task CacheGetAsync_BeforeAndAfterTheTtl_ReturnsTheValueThenNull()
    {
        var key = TestData.NewId("analysis");
        await Store.Cache.SetAsync(key, """{"category":"dependency"}""", Ttl);

        (await Store.Cache.GetAsync(key)).ShouldBe("""{"category":"dependency"}""");
        (await Store.Cache.GetAsync(TestData.NewId("analysis"))).ShouldBeNull();
        await ElapseAsync(TtlTimes(1.5));

        (await Store.Cache.GetAsync(key)).ShouldBeNull();
        (await Store.Cache.RemoveAsync(key)).ShouldBeFalse();
    }

    [Fact]
    public async Task CacheSetAsync_Again_ReplacesTheValueAndItsTtl()
    {
        var key = TestData.NewId("analysis");
        await Store.Cache.SetAsync(key, "first", Ttl);
        await ElapseAsync(TtlTimes(0.6));

        await Store.Cache.SetAsync(key, "second", Ttl);
        await ElapseAsync(TtlTimes(0.6));

        (await Store.Cache.GetAsync(key)).ShouldBe("second");
    }

    [Fact]
    public async Task CacheRemoveAsync_PresentThenAbsent_ReturnsTrueThenFalse()
    {
        var key = TestData.NewId("analysis");
        await Store.Cache.SetAsync(key, "value", Ttl);

        (await Store.Cache.RemoveAsync(key)).ShouldBeTrue();
        (await Store.Cache.RemoveAsync(key)).ShouldBeFalse();
        (await Store.Cache.GetAsync(key)).ShouldBeNull();
    }

    [Fact]
    public async Task TimeToLive_ZeroOrNegative_ThrowsArgumentOutOfRangeException()
    {
        var key = TestData.NewId("key");

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.Idempotency.TryClaimAsync(key, TimeSpan.Zero));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.Cache.SetAsync(key, "v", TimeSpan.FromSeconds(-1)));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.Counters.IncrementAsync(key, 1, TimeSpan.Zero));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.Leases.TryAcquireAsync(key, "owner", TimeSpan.Zero));
        (await Store.Idempotency.TryClaimAsync(key, Ttl)).ShouldBeTrue();
    }

    [Fact]
    public async Task KeySpaces_SameKeyInEachStore_AreIndependent()
    {
        var key = TestData.NewId("key");
        await Store.Cache.SetAsync(key, "cached", Ttl);
        await Store.Checkpoints.SetAsync(key, "checkpoint");
        await Store.Counters.IncrementAsync(key, 3, Ttl);

        (await Store.Idempotency.TryClaimAsync(key, Ttl)).ShouldBeTrue();
        (await Store.Leases.TryAcquireAsync(key, "owner", Ttl)).ShouldBeTrue();
        (await Store.Cache.RemoveAsync(key)).ShouldBeTrue();

        (await Store.Checkpoints.GetAsync(key)).ShouldBe("checkpoint");
        (await Store.Counters.GetAsync(key)).ShouldBe(3);
        (await Store.Idempotency.TryClaimAsync(key, Ttl)).ShouldBeFalse();
        (await Store.Leases.TryAcquireAsync(key, "other", Ttl)).ShouldBeFalse();
        (await Store.Cache.GetAsync(key)).ShouldBeNull();
    }
}
