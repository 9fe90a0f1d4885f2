using IncidentPlatform.Remediation.Policies;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.ServiceDefaults.Configuration;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Tests.Policies;

public sealed class PolicyReloadTests : IDisposable
{
    private const string First = """
        rules:
          - name: note
            match: {}
            approval: auto
            actions:
              - action: pagerduty.note
                parameters: {incident: PABC123, content: first}
        """;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Check_ValidChange_PutsTheNewVersionInForce()
    {
        var provider = Provider(First);
        var first = provider.Current.Version;

        await File.WriteAllTextAsync(_directory.File("policy.yaml"), First.Replace("content: first", "content: second"));
        (await provider.CheckAsync(TimeSpan.Zero, default)).ShouldBeTrue();

        provider.Current.Version.ShouldNotBe(first);
        provider.Current.Version.ShouldBe(Infrastructure.Policies.Load(First.Replace("content: first", "content: second")).Version);
        provider.Status.Error.ShouldBeNull();
    }

    [Fact]
    public async Task Check_InvalidChange_KeepsThePreviousPolicyAndReportsDegraded()
    {
        var provider = Provider(First);
        var first = provider.Current.Version;

        await File.WriteAllTextAsync(_directory.File("policy.yaml"), First.Replace("pagerduty.note", "pagerduty.page-everyone"));
        (await provider.CheckAsync(TimeSpan.Zero, default)).ShouldBeFalse();

        provider.Current.Version.ShouldBe(first);
        provider.Status.Error.ShouldNotBeNull().ShouldStartWith("policy.yaml:6:17: rule 'note': unknown catalog action 'pagerduty.page-everyone'");
        var health = await Health(provider).CheckHealthAsync(new HealthCheckContext());
        health.Status.ShouldBe(HealthStatus.Degraded);
        health.Description.ShouldNotBeNull().ShouldContain("Policy change rejected");
        health.Description.ShouldContain($"policy {first[..12]}");
        health.Description.ShouldContain("policy.yaml:6:17");

        await File.WriteAllTextAsync(_directory.File("policy.yaml"), First.Replace("content: first", "content: fixed"));
        (await provider.CheckAsync(TimeSpan.Zero, default)).ShouldBeTrue();
        (await Health(provider).CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Check_Unchanged_KeepsTheVersion()
    {
        var provider = Provider(First);

        (await provider.CheckAsync(TimeSpan.Zero, default)).ShouldBeFalse();
        await File.WriteAllTextAsync(_directory.File("policy.yaml"), "# reformatted\n" + First);
        (await provider.CheckAsync(TimeSpan.Zero, default)).ShouldBeFalse();

        provider.Status.Error.ShouldBeNull();
    }

    [Fact]
    public void LoadInitial_InvalidPolicy_StopsTheServiceNamingTheKeyAndTheErrors()
    {
        var provider = Provider(First.Replace("approval: auto", "approval: sometimes"), load: false);

        var error = Should.Throw<ConfigurationException>(provider.LoadInitial);

        error.Message.ShouldContain("'Remediation:PolicyPath'");
        error.Message.ShouldContain("policy.yaml:4:15: rule 'note' approval 'sometimes' is not one of: auto, manual");
    }

    [Fact]
    public async Task Watcher_FileChanged_ReloadsWithoutWaitingForThePeriodicCheck()
    {
        var provider = Provider(First);
        var first = provider.Current.Version;
        var options = Options.Create(new RemediationOptions
        {
            PolicyPath = _directory.File("policy.yaml"), PolicyCheckInterval = TimeSpan.FromHours(1), PolicySettleTime = TimeSpan.FromMilliseconds(50),
        });
        using var watcher = new PolicyWatcher(provider, options, TimeProvider.System, NullLogger<PolicyWatcher>.Instance);
        await watcher.StartAsync(default);

        await File.WriteAllTextAsync(_directory.File("policy.yaml"), First.Replace("content: first", "content: watched"));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (provider.Current.Version == first && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await watcher.StopAsync(default);
        provider.Current.Version.ShouldNotBe(first);
    }

    private PolicyProvider Provider(string yaml, bool load = true)
    {
        File.WriteAllText(_directory.File("policy.yaml"), yaml);
        var provider = new PolicyProvider(
            Options.Create(new RemediationOptions { PolicyPath = "policy.yaml" }),
            new HostingEnvironment { ContentRootPath = _directory.Path }, TimeProvider.System, NullLogger<PolicyProvider>.Instance);
        if (load)
        {
            provider.LoadInitial();
        }

        return provider;
    }

    private static PolicyHealthCheck Health(PolicyProvider provider) =>
        new(provider, Options.Create(new RemediationOptions()), TimeProvider.System);
}
