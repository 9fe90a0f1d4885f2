using IncidentPlatform.Redis;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Configuration;
using IncidentPlatform.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// Registers the Redis store for <see cref="StoreExtensions.AddIncidentStore"/>: one shared connection (made as the
/// host starts, with <c>abortConnect=false</c> whatever the connection string says, so a service starts while Redis is
/// down and reconnects by itself), one <see cref="RedisIncidentStore"/> for every store interface, and the readiness
/// check <c>redis</c>, unhealthy while Redis is unreachable.
/// </summary>
internal static class RedisStoreRegistration
{
    /// <summary>The name of the readiness health check.</summary>
    public const string HealthCheckName = "redis";

    /// <summary>Registers the Redis store at <paramref name="connectionString"/>.</summary>
    /// <exception cref="ConfigurationException">The connection string is malformed.</exception>
    public static void AddRedisIncidentStore(IHostApplicationBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var options = Parse(connectionString);
        var services = builder.Services;
        services.AddSingleton(sp => new RedisConnectionSource(
            options, sp.GetRequiredService<ILoggerFactory>().CreateLogger("IncidentPlatform.Redis")));
        services.AddSingleton(sp => new RedisIncidentStore(
            sp.GetRequiredService<RedisConnectionSource>(),
            new RedisStoreSettings
            {
                MaxAlertsPerIncident = sp.GetRequiredService<IOptions<StoreOptions>>().Value.MaxAlertsPerIncident,
            }));
        StoreExtensions.AddStoreInterfaces<RedisIncidentStore>(services);
        services.AddHostedService<RedisConnectionStarter>();
        services.AddHealthChecks().AddCheck<RedisStoreHealthCheck>(HealthCheckName, tags: [HealthTags.Ready]);
    }

    private static RedisOptions Parse(string connectionString)
    {
        try
        {
            var options = RedisOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            return options;
        }
        catch (FormatException ex)
        {
            // The message names the bad part, never the whole string (it may hold a password).
            throw new ConfigurationException(
                $"'ConnectionStrings:{ResourceNames.Redis}' is not a valid Redis connection string: {ex.Message} " +
                "Expected 'host:port[,password=…][,ssl=true]' (the form Aspire injects) or " +
                "'redis[s]://[user:password@]host:port[/database]'.", ex);
        }
    }
}
