using IncidentPlatform.Contracts;
using IncidentPlatform.ServiceDefaults.Configuration;
using IncidentPlatform.ServiceDefaults.Health;
using IncidentPlatform.Store.Embedded;
using IncidentPlatform.Store.Tests.Contract;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Store.Tests;

public sealed class StoreExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddIncidentStore_EmbeddedCalledTwice_RegistersOneStoreForEveryInterface()
    {
        var builder = Builder(("IncidentPlatform:Store", "embedded"), ("IncidentPlatform:DataDirectory", "data"));

        builder.AddIncidentStore();
        builder.AddIncidentStore();

        builder.Services.Count(d => d.ServiceType == typeof(IIncidentStore)).ShouldBe(1);
        builder.Services.Count(d => d.ImplementationType == typeof(ResolvedIncidentRetention)).ShouldBe(1);
        await using var provider = builder.Services.BuildServiceProvider();
        var store = provider.GetRequiredService<EmbeddedStore>();
        store.DataDirectory.ShouldBe(Path.Combine(_directory.Path, "data"));
        object[] all =
        [
            provider.GetRequiredService<IIncidentStore>(), provider.GetRequiredService<IDocumentStore>(),
            provider.GetRequiredService<IAppendLog>(), provider.GetRequiredService<IIdempotencyStore>(),
            provider.GetRequiredService<ICacheStore>(), provider.GetRequiredService<ICounterStore>(),
            provider.GetRequiredService<ILeaseStore>(), provider.GetRequiredService<ICheckpointStore>(),
        ];
        all.ShouldAllBe(s => ReferenceEquals(s, store));
    }

    [Fact]
    public void AddIncidentStore_NothingConfigured_ThrowsNamingTheRedisConnectionString()
    {
        var error = Should.Throw<ConfigurationException>(() => Builder().AddIncidentStore());

        error.Message.ShouldContain("ConnectionStrings:redis");
        error.Message.ShouldContain("IncidentPlatform:Store");
    }

    [Fact]
    public void AddIncidentStore_UnknownStore_ThrowsNamingTheKey()
    {
        var error = Should.Throw<ConfigurationException>(() => Builder(("IncidentPlatform:Store", "sqlite")).AddIncidentStore());

        error.Message.ShouldContain("IncidentPlatform:Store");
        error.Message.ShouldContain("sqlite");
    }

    [Fact]
    public async Task Start_InvalidOptions_FailsNamingTheKey()
    {
        var builder = Builder(("IncidentPlatform:Store", "embedded"), ("IncidentPlatform:MaxAlertsPerIncident", "0"));
        builder.AddIncidentStore();
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("IncidentPlatform:MaxAlertsPerIncident");
    }

    [Fact]
    public async Task HealthCheck_EmbeddedStore_IsReadyAndHealthy()
    {
        var builder = Builder(("IncidentPlatform:Store", "embedded"));
        builder.AddIncidentStore();
        await using var provider = builder.Services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains(HealthTags.Ready));

        report.Entries.Keys.ShouldContain("store");
        report.Entries["store"].Status.ShouldBe(HealthStatus.Healthy, report.Entries["store"].Description);
    }

    [Fact]
    public async Task Retention_IncidentResolvedLongAgo_IsPurgedWhenTheHostStarts()
    {
        var builder = Builder(("IncidentPlatform:Store", "embedded"), ("IncidentPlatform:ResolvedRetention", "30.00:00:00"));
        builder.AddIncidentStore();
        using var host = builder.Build();
        var store = host.Services.GetRequiredService<IIncidentStore>();
        var now = DateTimeOffset.UtcNow;
        var old = await Resolve(store, TestData.Incident(updatedAt: now.AddDays(-40)));
        var recent = await Resolve(store, TestData.Incident(updatedAt: now.AddDays(-1)));

        await host.StartAsync();
        for (var i = 0; i < 200 && await store.GetAsync(old.Id) is not null; i++)
        {
            await Task.Delay(50);
        }

        await host.StopAsync();
        (await store.GetAsync(old.Id)).ShouldBeNull();
        (await store.GetAsync(recent.Id)).ShouldNotBeNull();
    }

    private static async Task<Incident> Resolve(IIncidentStore store, Incident incident)
    {
        var opened = await store.FindOrOpenAsync(incident.Fingerprint, incident);
        return (await store.TryUpdateAsync(opened.Incident with
        {
            Status = IncidentStatus.Resolved, ResolvedAt = incident.UpdatedAt,
        })).ShouldNotBeNull();
    }

    private HostApplicationBuilder Builder(params (string Key, string Value)[] settings) =>
        TestHosts.Builder(_directory.Path, settings);
}
