using IncidentPlatform.Store.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>Hosts with the incident store registered as the services register it, on a given <c>ConnectionStrings:redis</c>.</summary>
internal static class RedisHosts
{
    /// <summary>A host with the incident store at <paramref name="connectionString"/>, built but not started.</summary>
    public static IHost Build(string contentRoot, string connectionString, Action<IServiceCollection>? configure = null)
    {
        var builder = TestHosts.Builder(contentRoot, ("ConnectionStrings:redis", connectionString));
        builder.AddIncidentStore();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>The Redis health check's entry, run now.</summary>
    public static async Task<HealthReportEntry> HealthAsync(IHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Name == RedisStoreRegistration.HealthCheckName);
        return report.Entries[RedisStoreRegistration.HealthCheckName];
    }

    /// <summary>The Redis check once it reports <paramref name="status"/> (the multiplexer reconnects with a backoff).</summary>
    public static async Task<HealthReportEntry> HealthEventuallyAsync(IHost host, HealthStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var entry = await HealthAsync(host);
            if (entry.Status == status)
            {
                return entry;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"The Redis check stayed {entry.Status} ({entry.Description ?? entry.Exception?.Message}) instead of {status}.");
            }

            await Task.Delay(50);
        }
    }
}
