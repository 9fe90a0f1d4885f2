using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Configuration;
using IncidentPlatform.ServiceDefaults.Health;
using IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;
using IncidentPlatform.Store.DeadLetters;
using IncidentPlatform.Store.Embedded;
using IncidentPlatform.Store.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Store;

/// <summary>Registers the incident store.</summary>
public static class StoreExtensions
{
    /// <summary>
    /// Registers one store instance for every store interface (<see cref="IIncidentStore"/>, <see cref="IDocumentStore"/>,
    /// <see cref="IAppendLog"/>, <see cref="IIdempotencyStore"/>, <see cref="ICacheStore"/>, <see cref="ICounterStore"/>,
    /// <see cref="ILeaseStore"/>, <see cref="ICheckpointStore"/>), the <see cref="StoreOptions"/>, and the periodic purge
    /// of resolved incidents. <c>IncidentPlatform:Store</c> = <c>embedded</c> selects the embedded store in
    /// <c>IncidentPlatform:DataDirectory</c> (with a <c>ready</c> health check that its journal takes writes); otherwise
    /// the Redis store at <c>ConnectionStrings:redis</c>. Several modules of one process may each call this: once an
    /// <see cref="IIncidentStore"/> is registered, it does nothing.
    /// </summary>
    /// <exception cref="ConfigurationException">No store is configured, or an unknown one.</exception>
    public static IHostApplicationBuilder AddIncidentStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(IIncidentStore)))
        {
            return builder;
        }

        var storeKey = $"{StoreOptions.Section}:{nameof(StoreOptions.Store)}";
        var kind = builder.Configuration[storeKey]?.Trim();
        if (string.Equals(kind, StoreOptions.Embedded, StringComparison.OrdinalIgnoreCase))
        {
            AddEmbeddedStore(builder);
        }
        else if (string.IsNullOrEmpty(kind) || string.Equals(kind, StoreOptions.Redis, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = builder.Configuration.GetConnectionString(ResourceNames.Redis);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new ConfigurationException(
                    $"No incident store is configured. Set 'ConnectionStrings:{ResourceNames.Redis}' (for example the " +
                    $"environment variable ConnectionStrings__{ResourceNames.Redis}=localhost:6379) for the Redis store, " +
                    $"or '{storeKey}' to '{StoreOptions.Embedded}' for the embedded store in " +
                    $"'{StoreOptions.Section}:{nameof(StoreOptions.DataDirectory)}'.");
            }

            RedisStoreRegistration.AddRedisIncidentStore(builder, connectionString.Trim());
        }
        else
        {
            throw new ConfigurationException(
                $"'{storeKey}' is '{kind}'; use '{StoreOptions.Embedded}' or '{StoreOptions.Redis}' (or leave it unset " +
                $"for Redis at 'ConnectionStrings:{ResourceNames.Redis}').");
        }

        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ResolvedIncidentRetention>();
        return builder;
    }

    private static void AddEmbeddedStore(IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var services = builder.Services;
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            var settings = new EmbeddedStoreSettings(Path.GetFullPath(options.DataDirectory, contentRoot))
            {
                MaxAlertsPerIncident = options.MaxAlertsPerIncident,
                CompactionThresholdBytes = options.CompactionThresholdBytes,
            };
            return EmbeddedStore.Open(
                settings, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<EmbeddedStore>());
        });
        AddStoreInterfaces<EmbeddedStore>(services);
        services.AddHealthChecks().AddCheck<EmbeddedStoreHealthCheck>("store", tags: [HealthTags.Ready]);
    }

    /// <summary>Registers the one registered <typeparamref name="TStore"/> for every store interface.</summary>
    internal static void AddStoreInterfaces<TStore>(IServiceCollection services)
        where TStore : class, IIncidentStore, IDocumentStore, IAppendLog, IIdempotencyStore, ICacheStore, ICounterStore,
        ILeaseStore, ICheckpointStore
    {
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IAppendLog>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<ICacheStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<ICounterStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<ILeaseStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IDeadLetterStore>(sp => new DocumentDeadLetterStore(sp.GetRequiredService<IDocumentStore>()));
    }
}
