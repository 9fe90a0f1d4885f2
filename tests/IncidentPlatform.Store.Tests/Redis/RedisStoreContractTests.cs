using IncidentPlatform.Store.Tests.Contract;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>
/// The store contract on the Redis store against a real redis-server, each test under its own key prefix. TTLs run
/// on the server's clock, so the TTL tests sleep.
/// </summary>
public sealed class RedisStoreContractTests(RedisFixture redis) : StoreContractTests, IClassFixture<RedisFixture>
{
    protected override TimeSpan Ttl => TimeSpan.FromSeconds(3);

    protected override async Task<StoreUnderTest> CreateStoreAsync(int maxAlertsPerIncident)
    {
        var connection = await RedisStores.ConnectAsync(redis.ConnectionString);
        return StoreUnderTest.Of(RedisStores.Create(connection, maxAlertsPerIncident), connection.DisposeAsync);
    }

    protected override Task ElapseAsync(TimeSpan duration) => Task.Delay(duration);
}
