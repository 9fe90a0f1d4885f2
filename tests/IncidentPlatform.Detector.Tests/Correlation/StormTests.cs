using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Correlation;

public sealed class StormTests
{
    [Fact]
    public async Task Apply_StormOf10000AlertsOfOneFingerprint_OneIncidentExactCountAndBoundedTimeline()
    {
        await using var fixture = await CorrelationFixture.StartAsync(o =>
        {
            o.TimelineAlerts = 10;
            o.TimelineSummaryInterval = TimeSpan.FromMinutes(1);
            o.UpdateInterval = TimeSpan.FromSeconds(5);
        });
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<CorrelationOutcome>();
        var delivered = 0;

        // 10,000 alerts by sixteen workers over ten minutes of fake time (the clock moves 60 ms per alert).
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 625; i++)
            {
                outcomes.Add(await fixture.DeliverAsync(Alerts.Generic(title: "Checkout 5xx above 5%")));
                if (Interlocked.Increment(ref delivered) % 16 == 0)
                {
                    fixture.Clock.Advance(TimeSpan.FromMilliseconds(960));
                }
            }
        })));

        var incidents = await fixture.AllIncidentsAsync();
        incidents.Count.ShouldBe(1);
        incidents[0].AlertCount.ShouldBe(10_000);
        var timeline = await fixture.TimelineAsync(incidents[0].Id);
        timeline.Count(e => e.Kind is "opened" or "alert").ShouldBe(10);
        var summaries = timeline.Where(e => e.Kind == "alerts").ToList();
        summaries.Count.ShouldBeInRange(9, 11); // one per minute of the storm
        summaries.Sum(e => long.Parse(e.Data["more"], System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(long.Parse(summaries[^1].Data["total"], System.Globalization.CultureInfo.InvariantCulture) - 10);
        timeline.Count.ShouldBeLessThan(30);

        // Updates are coalesced: one due per five-second interval (120 in ten minutes), not one per alert.
        outcomes.Count(o => o.Kind == CorrelationKind.Updated && o.Publish).ShouldBeInRange(110, 125);
    }
}
