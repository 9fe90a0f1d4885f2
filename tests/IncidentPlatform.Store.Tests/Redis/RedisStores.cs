using IncidentPlatform.Store.Redis;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>Redis stores for tests, each under its own key prefix, so tests sharing a server never see each other.</summary>
internal static class RedisStores
{
    /// <summary>A multiplexer configured as the store's registration configures it (abortConnect=false, fail fast).</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(string connectionString, Action<ConfigurationOptions>? configure = null)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        RedisStoreRegistration.ConfigureResilience(options);
        configure?.Invoke(options);
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    public static RedisIncidentStore Create(
        IConnectionMultiplexer connection, int maxAlertsPerIncident = StoreOptions.DefaultMaxAlertsPerIncident,
        int listScanBatch = 500, int listScanLimit = 10_000) =>
        new(connection, new RedisStoreSettings
        {
            KeyPrefix = $"test-{Guid.NewGuid():N}:",
            MaxAlertsPerIncident = maxAlertsPerIncident,
            ListScanBatch = listScanBatch,
            ListScanLimit = listScanLimit,
        });

    /// <summary>Every key under the store's prefix, in the connection's default database.</summary>
    public static async Task<List<string>> KeysAsync(IConnectionMultiplexer connection, RedisIncidentStore? store = null)
    {
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var database = connection.GetDatabase().Database;
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(database, store is null ? "*" : store.KeyPrefix + "*"))
        {
            keys.Add(key!);
        }

        return keys;
    }
}
