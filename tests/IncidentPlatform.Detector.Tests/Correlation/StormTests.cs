using System.Collections.Concurrent;
using System.Globalization;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Detector.Tests.Correlation;

public sealed class StormTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Theory]
    [InlineData("redis", 10_000)]
    [InlineData("embedded", 2_000)]
    public async Task Apply_StormOfOneFingerprint_OneIncidentExactCountBoundedTimelineCoalescedUpdates(string store, int alerts)
    {
        await using var fixture = await CorrelationFixture.StartAsync(o =>
        {
            o.TimelineAlerts = 10;
            o.TimelineSummaryInterval = TimeSpan.FromMinutes(1);
            o.UpdateInterval = TimeSpan.FromSeconds(5);
        }, store == "redis" ? redis.ConnectionString : null);
        var outcomes = new ConcurrentBag<CorrelationOutcome>();
        var delivered = 0;
        var service = $"storm-{Guid.NewGuid():N}";
        var step = TimeSpan.FromMinutes(10) / alerts; // the storm spans ten minutes of fake time

        // Sixteen senders at once, as a detector consumes with several messages in flight.
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref delivered) <= alerts)
            {
                fixture.Clock.Advance(step);
                outcomes.Add(await fixture.DeliverAsync(Alerts.Generic(title: "Checkout 5xx above 5%", service: service)));
            }
        })));

        var incidents = (await fixture.Incidents.ListAsync(new IncidentPlatform.Store.IncidentQuery { Service = service })).Items;
        incidents.Count.ShouldBe(1);
        incidents[0].AlertCount.ShouldBe(alerts);
        var timeline = await fixture.TimelineAsync(incidents[0].Id);
        timeline.Count(e => e.Kind is "opened" or "alert").ShouldBe(10);
        var summaries = timeline.Where(e => e.Kind == "alerts").ToList();
        summaries.Count.ShouldBeInRange(9, 11); // one per minute of the storm
        summaries.Sum(e => long.Parse(e.Data["more"], CultureInfo.InvariantCulture))
            .ShouldBe(long.Parse(summaries[^1].Data["total"], CultureInfo.InvariantCulture) - 10);
        timeline.Count.ShouldBeLessThan(30);

        // Updates are coalesced: one due per five-second interval (120 in ten minutes), not one per alert.
        outcomes.Count(o => o.Kind == CorrelationKind.Updated && o.Publish).ShouldBeInRange(110, 125);
    }
}
