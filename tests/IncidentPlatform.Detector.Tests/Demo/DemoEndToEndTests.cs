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
    public async Task DemoSource_FirstRun_OpensIncidentsWithEvidenceForTheInjectedFaultOnly()
    {
        var clock = new FakeClock(CorrelationFixture.T0.AddSeconds(5));
        await using var host = await SignalsHost.StartAsync(clock, new Dictionary<string, string?> { ["Detector:Demo:Enabled"] = "true" });

        // The first fault (the payments database pool) starts 40 s in; its first minute closes at 08:01:15.
        await host.RunAsync(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(1));
        var incidents = await Eventually.GetAsync(
            async () => (await host.Incidents.ListAsync(new IncidentQuery())).Items, items => items.Count > 0,
            "an incident from the demo fault");

        // The fault's error templates are one incident: correlation groups a service's new signals.
        incidents.ShouldAllBe(i => i.Service == "payments" && i.Source == "logs");
        var incident = incidents[0];
        incident.Evidence.ShouldNotBeEmpty();
        foreach (var evidence in incident.Evidence)
        {
            evidence.Kind.ShouldBeOneOf(SignalKind.NewTemplate, SignalKind.Threshold);
            evidence.TemplateId.ShouldNotBeNullOrEmpty();
            evidence.Template.ShouldNotBeNull().ShouldStartWith("ERROR [payments]");
            evidence.SampleLines.ShouldNotBeEmpty();
            evidence.SampleLines.ShouldAllBe(line => line.Contains("ERROR [payments]"));
            evidence.WindowEnd.ShouldBe(evidence.WindowStart.AddMinutes(1));
        }

        incident.Labels["templateId"].ShouldBe(incident.Evidence[0].TemplateId);

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        health.Entries["log-files"].Status.ShouldBe(HealthStatus.Healthy);
        health.Entries["log-files"].Description.ShouldNotBeNull().ShouldContain("source 'demo' read at");
    }
}
