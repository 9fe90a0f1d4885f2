using IncidentPlatform.Redis;
using IncidentPlatform.Store.Redis;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>Redis stores for tests, each under its own key prefix, so tests sharing a server never see each other.</summary>
internal static class RedisStores
{
    public static RedisIncidentStore Create(
        RedisConnection connection, int maxAlertsPerIncident = StoreOptions.DefaultMaxAlertsPerIncident,
        int listScanBatch = 500, int listScanLimit = 10_000) =>
        new(new RedisConnectionSource(connection), new RedisStoreSettings
        {
            KeyPrefix = $"test-{Guid.NewGuid():N}:",
            MaxAlertsPerIncident = maxAlertsPerIncident,
            ListScanBatch = listScanBatch,
            ListScanLimit = listScanLimit,
        });

    /// <summary>Every key under the store's prefix.</summary>
    public static async Task<List<string>> KeysAsync(RedisConnection connection, RedisIncidentStore store)
    {
        var keys = new List<string>();
        await foreach (var key in connection.ScanAsync(store.KeyPrefix + "*"))
        {
            keys.Add(key.ToString()!);
        }

        return keys;
    }
}
