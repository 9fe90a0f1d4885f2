using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Configuration;
using Microsoft.Extensions.Hosting;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// The extension point for the Redis-backed store: <see cref="AddRedisIncidentStore"/> is where it registers itself for
/// every store interface, as <see cref="StoreExtensions.AddIncidentStore"/> does for the embedded store, and adds its
/// health check. Until the Redis store is written, selecting it fails at start with a clear message.
/// </summary>
internal static class RedisStoreRegistration
{
    /// <summary>Registers the Redis store at <paramref name="connectionString"/>.</summary>
    /// <exception cref="ConfigurationException">Always, for now: the Redis store is not wired yet.</exception>
    public static void AddRedisIncidentStore(IHostApplicationBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        throw new ConfigurationException(
            $"'ConnectionStrings:{ResourceNames.Redis}' selects the Redis incident store, which is not wired into this " +
            $"build yet. Set '{StoreOptions.Section}:{nameof(StoreOptions.Store)}' to '{StoreOptions.Embedded}' to use " +
            "the embedded store instead.");
    }
}
