using IncidentPlatform.ServiceDefaults.Configuration;
using IncidentPlatform.Store.Redis;
using IncidentPlatform.Store.Tests.Contract;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary><c>AddIncidentStore</c> with <c>ConnectionStrings:redis</c>: both forms, bad strings, the one multiplexer.</summary>
public sealed class RedisStoreRegistrationTests(RedisFixture redis) : IClassFixture<RedisFixture>, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("{0},connectTimeout=2000,abortConnect=true", 0)]
    [InlineData("redis://{0}/3", 3)]
    [InlineData("redis://{0}?defaultDatabase=4", 4)]
    public async Task AddIncidentStore_RedisConnectionString_OneRedisStoreServesEveryInterface(string form, int database)
    {
        using var host = RedisHosts.Build(_directory.Path, string.Format(null, form, $"127.0.0.1:{redis.Server.Port}"));
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
            .ShouldHaveSingleItem().Name.ShouldBe(RedisStoreRegistration.HealthCheckName);
        (await RedisHosts.HealthAsync(host)).Status.ShouldBe(HealthStatus.Healthy);
        var incident = TestData.Incident();
        await store.FindOrOpenAsync(incident.Fingerprint, incident);

        // It landed in the database the connection string names.
        await using var probe = await RedisStores.ConnectAsync($"127.0.0.1:{redis.Server.Port},defaultDatabase={database}");
        (await probe.GetDatabase().KeyExistsAsync($"ip:inc:{{{incident.Id}}}")).ShouldBeTrue();
        await host.StopAsync();
    }

    [Fact]
    public async Task AddIncidentStore_AbortConnectTrueInTheString_MultiplexerStillStartsWithoutRedis()
    {
        using var host = RedisHosts.Build(_directory.Path, $"127.0.0.1:{FreePort.Next()},abortConnect=true,connectTimeout=500");

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<ConfigurationOptions>>().Value;
        options.AbortOnConnectFail.ShouldBeFalse();
        options.BacklogPolicy.ShouldBe(BacklogPolicy.FailFast);
        host.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected.ShouldBeFalse();
        await host.StopAsync();
    }

    [Theory]
    [InlineData("localhost:notaport,password=hunter2")]
    [InlineData("password=hunter2,ssl=true")]
    [InlineData("redis://user:hunter2@:6379/x")]
    [InlineData("redis://user:hunter2@localhost:6379/x")]
    [InlineData("localhost:6379,password=hunter2,connectTimeout=soon")]
    [InlineData("localhost:6379,password=hunter2,nosuchoption=1")]
    [InlineData("localhost:99999,password=hunter2")]
    [InlineData("localhost:6379,user=bob")]
    [InlineData("redis://bob@localhost:6379")]
    public void AddIncidentStore_MalformedRedisConnectionString_ThrowsNamingTheKeyButNotThePassword(string connectionString)
    {
        var builder = TestHosts.Builder(_directory.Path, ("ConnectionStrings:redis", connectionString));

        var error = Should.Throw<ConfigurationException>(builder.AddIncidentStore);

        error.Message.ShouldContain("ConnectionStrings:redis");
        error.Message.ShouldNotContain("hunter2");
        error.InnerException.ShouldBeNull();
    }

    [Fact]
    public async Task AddIncidentStore_CalledTwiceWithAnAspireClientAlreadyRegistered_OneMultiplexer()
    {
        var builder = TestHosts.Builder(_directory.Path, ("ConnectionStrings:redis", redis.ConnectionString));
        builder.AddRedisClient("redis");
        builder.AddIncidentStore();
        builder.AddIncidentStore();
        using var host = builder.Build();
        await host.StartAsync();

        host.Services.GetServices<IConnectionMultiplexer>().ShouldHaveSingleItem();
        host.Services.GetRequiredService<IOptions<ConfigurationOptions>>().Value.AbortOnConnectFail.ShouldBeFalse();
        (await host.Services.GetRequiredService<IIncidentStore>().GetAsync(TestData.NewId("inc"))).ShouldBeNull();
        await host.StopAsync();
    }
}
