using IncidentPlatform.Store.Tests.Contract;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>A service whose Redis is down or goes away: it starts, reports itself not ready, fails calls fast, and recovers.</summary>
public sealed class RedisAvailabilityTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Start_RedisDown_StartsNotReadyAndCallsFailFast()
    {
        using var host = RedisHosts.Build(_directory.Path, $"127.0.0.1:{FreePort.Next()},connectTimeout=1000");

        await host.StartAsync();

        (await RedisHosts.HealthAsync(host)).Status.ShouldBe(HealthStatus.Unhealthy);
        await Should.ThrowAsync<RedisConnectionException>(
            () => host.Services.GetRequiredService<IIncidentStore>().GetAsync(TestData.NewId("inc")));
        await host.StopAsync();
    }

    [Fact]
    public async Task HealthCheck_RedisStoppedThenStartedAgain_UnhealthyThenHealthyWithTheDataThere()
    {
        await using var server = await RedisServer.StartNewAsync();
        using var host = RedisHosts.Build(_directory.Path, server.ConnectionString);
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IIncidentStore>();
        var first = TestData.Incident();
        await store.FindOrOpenAsync(first.Fingerprint, first);
        (await RedisHosts.HealthAsync(host)).Status.ShouldBe(HealthStatus.Healthy);

        await server.StopAsync();
        await RedisHosts.HealthEventuallyAsync(host, HealthStatus.Unhealthy);
        await Should.ThrowAsync<RedisConnectionException>(() => store.GetAsync(first.Id));
        await server.StartAsync();
        await RedisHosts.HealthEventuallyAsync(host, HealthStatus.Healthy);

        (await store.GetAsync(first.Id)).ShouldNotBeNull();
        var second = TestData.Incident();
        (await store.FindOrOpenAsync(second.Fingerprint, second)).Opened.ShouldBeTrue();
        await host.StopAsync();
    }
}
