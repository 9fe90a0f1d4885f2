using IncidentPlatform.Redis;
using IncidentPlatform.ServiceDefaults.Configuration;
using IncidentPlatform.ServiceDefaults.Health;
using IncidentPlatform.Store.Redis;
using IncidentPlatform.Store.Tests.Contract;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary><c>AddIncidentStore</c> with <c>ConnectionStrings:redis</c>: both forms, bad strings, Redis down, the health check.</summary>
public sealed class RedisStoreRegistrationTests(RedisFixture redis) : IClassFixture<RedisFixture>, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("{0},connectTimeout=2000,abortConnect=true", 0)]
    [InlineData("redis://{0}/3", 3)]
    public async Task AddIncidentStore_RedisConnectionString_OneRedisStoreServesEveryInterface(string form, int database)
    {
        using var host = RedisHost(string.Format(null, form, $"127.0.0.1:{redis.Server.Port}"));
        await host.StartAsync();

        var store = host.Services.GetRequiredService<RedisIncidentStore>();
        object[] all =
        [
            host.Services.GetRequiredService<IIncidentStore>(), host.Services.GetRequiredService<IDocumentStore>(),
            host.Services.GetRequiredService<IAppendLog>(), host.Services.GetRequiredService<IIdempotencyStore>(),
            host.Services.GetRequiredService<ICacheStore>(), host.Services.GetRequiredService<ICounterStore>(),
            host.Services.GetRequiredService<ILeaseStore>(), host.Services.GetRequiredService<ICheckpointStore>(),
        ];
        all.ShouldAllBe(s => ReferenceEquals(s, store));
        store.KeyPrefix.ShouldBe(RedisStoreSettings.DefaultKeyPrefix);
        host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                check => check.Name.ShouldBe("redis"), check => check.Tags.ShouldContain(HealthTags.Ready));
        var incident = TestData.Incident();
        await store.FindOrOpenAsync(incident.Fingerprint, incident);

        // It landed in the database the connection string names.
        await using var probe = await RedisConnection.ConnectAsync($"127.0.0.1:{redis.Server.Port},defaultDatabase={database}");
        (await probe.ExistsAsync([$"ip:inc:{{{incident.Id}}}"])).ShouldBe(1);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("localhost:notaport,password=hunter2")]
    [InlineData("password=hunter2,ssl=true")]
    [InlineData("redis://user:hunter2@:6379/x")]
    [InlineData("localhost:6379,password=hunter2,connectTimeout=soon")]
    public void AddIncidentStore_MalformedRedisConnectionString_ThrowsNamingTheKeyButNotThePassword(string connectionString)
    {
        var error = Should.Throw<ConfigurationException>(
            () => Builder(("ConnectionStrings:redis", connectionString)).AddIncidentStore());

        error.Message.ShouldContain("ConnectionStrings:redis");
        error.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task Start_UserWithoutPassword_FailsNamingTheKey()
    {
        using var host = RedisHost($"127.0.0.1:{redis.Server.Port},user=bob");

        var error = await Should.ThrowAsync<ConfigurationException>(() => host.StartAsync());

        error.Message.ShouldContain("ConnectionStrings:redis");
    }

    [Fact]
    public async Task Start_RedisDown_StartsNotReadyAndCallsFailFast()
    {
        using var host = RedisHost($"127.0.0.1:{FreePort.Next()}");

        await host.StartAsync();

        (await RedisHealth(host)).Status.ShouldBe(HealthStatus.Unhealthy);
        await Should.ThrowAsync<RedisConnectionException>(
            () => host.Services.GetRequiredService<IIncidentStore>().GetAsync(TestData.NewId("inc")));
        await host.StopAsync();
    }

    [Fact]
    public async Task HealthCheck_RedisStoppedThenStartedAgain_UnhealthyThenHealthy()
    {
        await using var server = await RedisServer.StartNewAsync();
        using var host = RedisHost(server.ConnectionString);
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IIncidentStore>();
        var first = TestData.Incident();
        await store.FindOrOpenAsync(first.Fingerprint, first);
        (await RedisHealth(host)).Status.ShouldBe(HealthStatus.Healthy);

        await server.StopAsync();
        var down = await Eventually(host, HealthStatus.Unhealthy);
        await server.StartAsync();
        await Eventually(host, HealthStatus.Healthy);

        down.Description.ShouldNotBeNull().ShouldContain(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await store.GetAsync(first.Id)).ShouldNotBeNull();
        await host.StopAsync();
    }

    private static async Task<HealthReportEntry> RedisHealth(IHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Name == RedisStoreRegistration.HealthCheckName);
        var entry = report.Entries[RedisStoreRegistration.HealthCheckName];
        return entry;
    }

    /// <summary>The redis check once it reports <paramref name="status"/> (reconnecting backs off up to 5 s).</summary>
    private static async Task<HealthReportEntry> Eventually(IHost host, HealthStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var entry = await RedisHealth(host);
            if (entry.Status == status)
            {
                return entry;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The redis check stayed {entry.Status} ({entry.Description}) instead of {status}.");
            }

            await Task.Delay(50);
        }
    }

    private HostApplicationBuilder Builder(params (string Key, string Value)[] settings) =>
        TestHosts.Builder(_directory.Path, settings);

    /// <summary>A host with the incident store at <paramref name="connectionString"/>, built but not started.</summary>
    private IHost RedisHost(string connectionString)
    {
        var builder = Builder(("ConnectionStrings:redis", connectionString));
        builder.AddIncidentStore();
        return builder.Build();
    }
}
