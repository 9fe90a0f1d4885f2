using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Tests.Infrastructure;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.Detector.Tests.Demo;

public sealed class DemoEndToEndTests
{
    [Fact]
    public async Task DemoSource_FirstRun_OpensIncidentsWithEvidenceForTheInjectedFaultsOnly()
    {
        var clock = new FakeClock(CorrelationFixture.T0.AddSeconds(5));
        await using var host = await SignalsHost.StartAsync(clock, new Dictionary<string, string?> { ["Detector:Demo:Enabled"] = "true" });

        // The first fault (the search crash loop) starts 25 s in, its first minute closes at 08:01:15; the second (a CPU
        // alarm on checkout) fires 55 s in.
        await host.RunAsync(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(1));
        var incidents = await Eventually.GetAsync(
            async () => (await host.Incidents.ListAsync(new IncidentQuery())).Items, items => items.Count >= 2,
            "an incident from the demo's log fault and one from its alarm");

        // The fault's error templates are one incident: correlation groups a service's new signals.
        var fromLogs = incidents.Where(i => i.Source == "logs").ShouldHaveSingleItem();
        fromLogs.Service.ShouldBe("search");
        fromLogs.Evidence.ShouldNotBeEmpty();
        foreach (var evidence in fromLogs.Evidence)
        {
            evidence.Kind.ShouldBeOneOf(SignalKind.NewTemplate, SignalKind.Threshold);
            evidence.TemplateId.ShouldNotBeNullOrEmpty();
            evidence.Template.ShouldNotBeNull().ShouldContain("[search]");
            evidence.SampleLines.ShouldNotBeEmpty();
            evidence.SampleLines.ShouldAllBe(line => line.Contains("[search]"));
            evidence.WindowEnd.ShouldBe(evidence.WindowStart.AddMinutes(1));
        }

        fromLogs.Labels["templateId"].ShouldBe(fromLogs.Evidence[0].TemplateId);
        fromLogs.Labels["cluster"].ShouldBe("shop-prod"); // the demo source's label, for the sample policy's ECS rule

        var alarm = incidents.Where(i => i.Source == "cloudwatch").ShouldHaveSingleItem();
        alarm.Service.ShouldBe("checkout");
        (alarm.Labels["metric"], alarm.Labels["instance_id"]).ShouldBe(("CPUUtilization", "i-0c4f8e2a6b1d93057"));
        incidents.Count.ShouldBe(2);

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        health.Entries["log-files"].Status.ShouldBe(HealthStatus.Healthy);
        health.Entries["log-files"].Description.ShouldNotBeNull().ShouldContain("source 'demo' read at");
    }
}
