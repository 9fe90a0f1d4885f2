using IncidentPlatform.Store.Embedded;
using IncidentPlatform.Store.Tests.Contract;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPlatform.Store.Tests.Embedded;

/// <summary>
/// The embedded store's health check, which anyone may call (issue 15 item 8): it writes a probe record at most once a
/// minute, not once per call, and its report names no path.
/// </summary>
public sealed class EmbeddedStoreHealthTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new(TestData.T0);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CheckHealth_CalledOften_WritesTheJournalAtMostOncePerMinute()
    {
        await using var store = EmbeddedStores.Open(_directory.Path, _clock);
        var check = new EmbeddedStoreHealthCheck(store, NullLogger<EmbeddedStoreHealthCheck>.Instance);
        var journal = EmbeddedStores.Journals(_directory.Path).ShouldHaveSingleItem();

        var before = new FileInfo(journal).Length;
        var first = await check.CheckHealthAsync(new HealthCheckContext());
        var afterFirst = new FileInfo(journal).Length;
        for (var i = 0; i < 20; i++)
        {
            (await check.CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Healthy);
        }

        var afterMany = new FileInfo(journal).Length;
        _clock.Advance(EmbeddedStore.ProbeInterval);
        await check.CheckHealthAsync(new HealthCheckContext());

        first.Status.ShouldBe(HealthStatus.Healthy, first.Description);
        afterFirst.ShouldBeGreaterThan(before);
        afterMany.ShouldBe(afterFirst);
        new FileInfo(journal).Length.ShouldBeGreaterThan(afterMany);
        first.Description!.ShouldNotContain(_directory.Path);
    }
}
