using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Throttling;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Notifier.Tests.Throttling;

public sealed class RateLimitTests
{
    [Fact]
    public async Task TryAcquire_OverTheLimit_SaysHowLongUntilTheNextWindow()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 18, 14, 0, 45, TimeSpan.Zero));
        await using var store = await TestStore.EmbeddedAsync(time);
        var limiter = new RateLimiter(store.Services.GetRequiredService<ICounterStore>(), time);

        (await limiter.TryAcquireAsync("ops", 2, TimeSpan.FromMinutes(1), default)).ShouldBeNull();
        (await limiter.TryAcquireAsync("ops", 2, TimeSpan.FromMinutes(1), default)).ShouldBeNull();
        (await limiter.TryAcquireAsync("ops", 2, TimeSpan.FromMinutes(1), default)).ShouldBe(TimeSpan.FromSeconds(15));
        (await limiter.TryAcquireAsync("other", 2, TimeSpan.FromMinutes(1), default)).ShouldBeNull();

        time.Advance(TimeSpan.FromSeconds(15));
        (await limiter.TryAcquireAsync("ops", 2, TimeSpan.FromMinutes(1), default)).ShouldBeNull();
    }

    [Fact]
    public async Task OverTheLimit_WithNoTimeToWait_IsSuppressedAsRateLimited()
    {
        await using var bed = await WebhookBed.StartAsync(null, ("RateLimit", "2"), ("RateWindow", "00:01:00"), ("MaxRateDelay", "00:00:00"));
        var (fake, host) = (bed.Fake, bed.Host);
        var incidents = Enumerable.Range(0, 3).Select(i => TestData.Incident(title: $"Rate {i}")).ToList();

        foreach (var incident in incidents)
        {
            await host.PublishAsync(TestData.Opened(incident));
        }

        fake.Requests.Count.ShouldBe(2);
        var third = (await host.DeliveriesAsync(incidents[2].Id)).ShouldHaveSingleItem();
        third.Status.ShouldBe(DeliveryStatus.Suppressed);
        third.Detail!.ShouldStartWith("rate limit: 2 per 00:01:00");
    }

    [Fact]
    public async Task OverTheLimit_WaitsForTheNextWindowThenSends()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/hook", 200, "");
        // One per second; the clock stands 0.2 s before the next window, so the wait is short and on real time.
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Webhook("ops-hook", fake.BaseAddress,
            ("RateLimit", "1"), ("RateWindow", "00:00:01"), ("MaxRateDelay", "00:10:00")),
            now: new DateTimeOffset(2026, 11, 18, 14, 0, 0, TimeSpan.Zero).AddMilliseconds(800));
        var first = TestData.Incident();
        var second = TestData.Incident();

        await host.PublishAsync(TestData.Opened(first));
        // On its own task: publishing on the in-memory bus can run the consumer inline, and the consumer waits for the clock.
        var publishing = Task.Run(() => host.PublishAsync(TestData.Opened(second)));
        await WaitForDelayAsync(host.Time, TimeSpan.FromMilliseconds(200));
        host.Time.Advance(TimeSpan.FromMilliseconds(200));
        await publishing;

        fake.Requests.Count.ShouldBe(2);
        (await host.DeliveriesAsync(second.Id)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Delivered);
    }

    private static async Task WaitForDelayAsync(ManualTimeProvider time, TimeSpan delay)
    {
        for (var i = 0; i < 500 && !time.RequestedDelays.Contains(delay); i++)
        {
            await Task.Delay(10);
        }

        time.RequestedDelays.ShouldContain(delay);
    }
}
