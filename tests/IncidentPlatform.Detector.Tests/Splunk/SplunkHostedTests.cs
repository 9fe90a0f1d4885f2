using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Tests.Infrastructure;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Tests.Splunk;

public sealed class SplunkHostedTests
{
    private static Dictionary<string, string?> Settings(FakeSplunk splunk) => new()
    {
        ["Splunk:Url"] = splunk.Server.BaseAddress.ToString(),
        ["Splunk:Token"] = "s3cret",
        ["Detector:Rules:payment-errors:Query"] = "index=app level=ERROR | stats count by service",
        ["Detector:Rules:payment-errors:Interval"] = "00:01:00",
        ["Detector:Rules:payment-errors:Threshold"] = "5",
        ["Detector:Rules:payment-errors:Severity"] = "Critical",
    };

    [Fact]
    public async Task DetectorModule_WithARule_PollsSplunkAndOpensAnIncident()
    {
        await using var splunk = await FakeSplunk.StartAsync();
        var clock = new FakeClock(CorrelationFixture.T0.AddSeconds(40));
        for (var i = 0; i < 8; i++)
        {
            splunk.Add(CorrelationFixture.T0.AddSeconds(i), "payments", "ERROR pool exhausted");
        }

        await using var host = await SignalsHost.StartAsync(clock, Settings(splunk));
        await host.RunAsync(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5));

        var incident = (await Eventually.GetAsync(async () =>
            (await host.Incidents.ListAsync(new IncidentQuery { Service = "payments" })).Items.FirstOrDefault(), i => i is not null,
            "the incident"))!;
        incident.Source.ShouldBe("splunk");
        incident.Severity.ShouldBe(Severity.Critical);
        incident.Evidence.ShouldHaveSingleItem().Count.ShouldBe(8);
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        health.Entries["splunk"].Status.ShouldBe(HealthStatus.Healthy);
        health.Entries["splunk"].Description.ShouldNotBeNull().ShouldContain("rule 'payment-errors' searched up to");
    }

    [Fact]
    public async Task DetectorModule_SplunkRefusesTheToken_HealthIsDegradedNamingTheRule()
    {
        await using var splunk = await FakeSplunk.StartAsync();
        splunk.FailWith(401, "WARN", "call not properly authenticated");
        var clock = new FakeClock(CorrelationFixture.T0.AddSeconds(40));
        await using var host = await SignalsHost.StartAsync(clock, Settings(splunk));

        var checks = host.Services.GetRequiredService<HealthCheckService>();
        var entry = (await Eventually.GetAsync(async () => (await checks.CheckHealthAsync()).Entries["splunk"],
            e => e.Status == HealthStatus.Degraded, "degraded health")).Description.ShouldNotBeNull();

        entry.ShouldContain("rule 'payment-errors' failing");
        entry.ShouldContain("Unauthorized: Splunk answered 401");
        entry.ShouldContain("call not properly authenticated");
    }

    [Theory]
    [InlineData("Splunk:Url", "", "Splunk:Url must be Splunk's management URL")]
    [InlineData("Splunk:Token", "", "Splunk:Token must hold a Splunk authentication token")]
    [InlineData("Detector:Rules:payment-errors:Window", "00:00:10", "Detector:Rules:payment-errors:Window must be at least the Interval")]
    [InlineData("Detector:Rules:payment-errors:Query", "", "Detector:Rules:payment-errors:Query must be a Splunk search")]
    [InlineData("Splunk:AuthScheme", "Basic", "Splunk:AuthScheme must be 'Bearer'")]
    public async Task DetectorModule_MissingOrMalformedSetting_StopsAtStartNamingTheKey(string key, string value, string message)
    {
        await using var splunk = await FakeSplunk.StartAsync();
        var settings = Settings(splunk);
        settings[key] = value;

        var error = await Should.ThrowAsync<OptionsValidationException>(() => SignalsHost.StartAsync(new FakeClock(CorrelationFixture.T0), settings));

        error.Message.ShouldContain(message);
    }

    [Fact]
    public async Task DetectorModule_BadFileSource_StopsAtStartNamingTheKey()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Detector:Files:app:Path"] = "/var/log/app/*.log",
            ["Detector:Files:app:ServicePattern"] = "[unclosed",
        };

        var error = await Should.ThrowAsync<OptionsValidationException>(() => SignalsHost.StartAsync(new FakeClock(CorrelationFixture.T0), settings));

        error.Message.ShouldContain("Detector:Files:app:ServicePattern is not a valid regular expression");
    }
}
