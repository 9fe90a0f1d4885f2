using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.Detector.Tests.Correlation;

public sealed class SweeperTests
{
    [Fact]
    public async Task Sweeper_SignalQuietForItsQuietPeriod_ResolvesIncidentAndPublishes()
    {
        await using var host = await DetectorHost.StartAsync([new("Detector:Correlation:Sources:splunk:QuietPeriod", "00:20:00")]);
        await host.DeliverAsync(Alerts.Signal("tpl-timeout"));
        var opened = host.Published<IncidentOpened>().ShouldHaveSingleItem();

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await WaitForSweepAsync(host);
        (await host.Incidents.GetAsync(opened.IncidentId))!.Status.ShouldBe(IncidentStatus.Open);

        host.Clock.Advance(TimeSpan.FromMinutes(11));

        await host.WaitForPublishedAsync<IncidentResolved>();
        var resolved = host.Published<IncidentResolved>().ShouldHaveSingleItem();
        resolved.ResolvedBy.ShouldBe("quiet-period");
        resolved.Incident.Id.ShouldBe(opened.IncidentId);
        (await host.Incidents.GetTimelineAsync(opened.IncidentId, 0, 100)).Last().Kind.ShouldBe("resolved");
    }

    [Fact]
    public async Task Sweeper_AlertsKeepComing_DoesNotResolve()
    {
        await using var host = await DetectorHost.StartAsync([new("Detector:Correlation:Sources:splunk:QuietPeriod", "00:20:00")]);
        for (var minute = 0; minute < 6; minute++)
        {
            await host.DeliverAsync(Alerts.Signal("tpl-timeout", at: host.Clock.GetUtcNow()));
            host.Clock.Advance(TimeSpan.FromMinutes(8));
            await WaitForSweepAsync(host);
        }

        host.Published<IncidentResolved>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Sweeper_SourceThatSendsResolves_IsNeverResolvedForQuiet()
    {
        await using var host = await DetectorHost.StartAsync();
        await host.DeliverAsync(Alerts.CloudWatch("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:cpu"));

        host.Clock.Advance(TimeSpan.FromHours(6));
        await WaitForSweepAsync(host);

        host.Published<IncidentResolved>().ShouldBeEmpty();
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "correlation");
        health.Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Sweeper_SilencesEndedLongAgo_AreForgotten()
    {
        await using var host = await DetectorHost.StartAsync([new("Detector:Correlation:SilenceRetention", "7.00:00:00")]);
        var documents = host.Services.GetRequiredService<IncidentPlatform.Store.IDocumentStore>();
        foreach (var (id, endsAt) in new[] { ("sil-old", "2026-11-10T00:00:00Z"), ("sil-recent", "2026-11-20T00:00:00Z") })
        {
            await documents.TryPutAsync("silences", id,
                $$"""{"id":"{{id}}","matchers":[{"name":"service","value":"x"}],"startsAt":"2026-11-01T00:00:00Z","endsAt":"{{endsAt}}","createdBy":"t","createdAt":"2026-11-01T00:00:00Z"}""", 0);
        }

        host.Clock.Advance(TimeSpan.FromSeconds(5)); // one sweep interval
        await WaitForSweepAsync(host);

        (await documents.ListAsync("silences")).Select(d => d.Id).ShouldBe(["sil-recent"]);
    }

    // Waits until the sweeper has run at the clock's current time.
    private static async Task WaitForSweepAsync(DetectorHost host)
    {
        var status = host.Services.GetRequiredService<SweeperStatus>();
        await Eventually.TrueAsync(() => status.Current.LastSuccess == host.Clock.GetUtcNow(),
            $"a sweep (last error: {status.Current.LastError})");
    }
}
