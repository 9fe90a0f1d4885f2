using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Store;

/// <summary>The notifier on the Redis store, as the distributed services run it: claims, counters, documents, logs.</summary>
public sealed class RedisStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    // Counters and claims live in the shared server: each test uses its own channel name.
    private async Task<(FakeHttpServer Fake, NotifierHost Host)> StartAsync(string channel, params (string, string?)[] settings)
    {
        var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/hook", 200, "");
        return (fake, await NotifierHost.StartAsync(ChannelConfig.Webhook(channel, fake.BaseAddress, settings), redis: redis.ConnectionString));
    }

    [Fact]
    public async Task SameEventTwice_PostsOnce()
    {
        var (fake, host) = await StartAsync($"r-{Guid.NewGuid():N}");
        await using var _ = fake;
        await using var __ = host;
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(TestData.Opened(incident));

        fake.Requests.Count.ShouldBe(1);
        (await host.DeliveriesAsync(incident.Id)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task Storm_SendsThresholdThenOneSummary()
    {
        var (fake, host) = await StartAsync($"r-{Guid.NewGuid():N}", ("StormThreshold", "5"));
        await using var _ = fake;
        await using var __ = host;

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => host.PublishAsync(TestData.Opened(TestData.Incident(title: $"Storm {i}")))));

        fake.Requests.Count.ShouldBe(6);
        fake.Requests.Count(r => r.Json().GetProperty("eventType").GetString() == "StormSummary").ShouldBe(1);
    }

    [Fact]
    public async Task Updates_AreCoalescedIntoOne()
    {
        var (fake, host) = await StartAsync($"r-{Guid.NewGuid():N}", ("CoalesceWindow", "00:00:30"));
        await using var _ = fake;
        await using var __ = host;
        var incident = TestData.Incident();

        foreach (var version in new[] { 2L, 3L, 4L })
        {
            await host.PublishAsync(TestData.Updated(incident with { Version = version, AlertCount = version }, "severity"));
        }

        fake.Requests.ShouldBeEmpty();
        (await host.FlushAsync(TimeSpan.FromSeconds(31))).ShouldBe(1);
        fake.Requests.ShouldHaveSingleItem().Json().GetProperty("incident").GetProperty("alertCount").GetInt64().ShouldBe(4);
        (await host.DeliveriesAsync(incident.Id)).Count(d => d.Status == DeliveryStatus.Suppressed).ShouldBe(2);
    }
}
