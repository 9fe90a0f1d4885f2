using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// Registers the Redis store for <see cref="StoreExtensions.AddIncidentStore"/>: the process's one
/// <see cref="IConnectionMultiplexer"/> through Aspire's client integration (<c>AddRedisClient("redis")</c>: the
/// connection string from <c>ConnectionStrings:redis</c>, its health check <c>StackExchange.Redis</c> and tracing),
/// made as the host starts with <c>abortConnect=false</c> and a fail-fast backlog whatever the connection string says
/// (a service starts while Redis is down, reports itself not ready, and its calls fail at once until the multiplexer
/// has reconnected), and one <see cref="RedisIncidentStore"/> for every store interface.
/// </summary>
internal static class RedisStoreRegistration
{
    /// <summary>The name of the readiness check Aspire's integration registers.</summary>
    public const string HealthCheckName = "StackExchange.Redis";

    /// <summary>Registers the Redis store at <paramref name="connectionString"/>.</summary>
    /// <exception cref="ConfigurationException">The connection string is malformed.</exception>
    public static void AddRedisIncidentStore(IHostApplicationBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var target = RedisConnectionString.Parse(connectionString);
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(IConnectionMultiplexer) && !d.IsKeyedService))
        {
            builder.AddRedisClient(
                ResourceNames.Redis, settings => settings.ConnectionString = target.Configuration, target.ApplyTo);
        }

        services.Configure<ConfigurationOptions>(ConfigureResilience);
        services.AddSingleton(sp => new RedisIncidentStore(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            new RedisStoreSettings
            {
                MaxAlertsPerIncident = sp.GetRequiredService<IOptions<StoreOptions>>().Value.MaxAlertsPerIncident,
            }));
        StoreExtensions.AddStoreInterfaces<RedisIncidentStore>(services);
        services.AddHostedService<RedisConnectionStarter>();
    }

    /// <summary>
    /// What the store asks of every connection: start and reconnect in the background however long Redis is away
    /// (<c>abortConnect=false</c>), and fail a call at once while it is away rather than queue it (a queued write could
    /// run long after its caller gave up and retried).
    /// </summary>
    public static void ConfigureResilience(ConfigurationOptions options)
    {
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
    }
}
