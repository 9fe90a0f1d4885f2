using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Tests.Workflow;

public sealed class ModuleWiringTests
{
    [Fact]
    public void AddRemediationModule_InTheStandaloneHost_DefaultsToTheSamplePolicyInDryRun()
    {
        using var directory = new TempDirectory();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [MessagingExtensions.TransportKey] = MessagingExtensions.InMemory,
            ["IncidentPlatform:Store"] = "embedded",
            ["IncidentPlatform:DataDirectory"] = directory.Path,
        });

        builder.AddRemediationModule();
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<RemediationOptions>>().Value;

        options.PolicyPath.ShouldBe(Infrastructure.Policies.SamplePath);
        options.DryRun.ShouldBe(true);
    }

    [Fact]
    public void AddRemediationModule_AsAService_KeepsThePolicysOwnDryRun()
    {
        using var directory = new TempDirectory();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IncidentPlatform:Store"] = "embedded", ["IncidentPlatform:DataDirectory"] = directory.Path,
        });

        builder.AddRemediationModule();
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<RemediationOptions>>().Value;

        options.PolicyPath.ShouldBeNull();
        options.DryRun.ShouldBeNull();
    }

    [Theory]
    [InlineData("Remediation:PolicyPath", "missing.yaml", "'Remediation:PolicyPath' is 'missing.yaml'")]
    [InlineData("Remediation:Aws:Endpoints:ec2", "localhost:4566", "'Remediation:Aws:Endpoints:ec2' must be an absolute http(s) URL")]
    [InlineData("Remediation:Aws:AccessKeyId", "AKIDONLY", "'Remediation:Aws:AccessKeyId' and 'SecretAccessKey' go together")]
    [InlineData("Remediation:Webhook:Secret", "short", "'Remediation:Webhook:Secret' must be at least 16 characters")]
    [InlineData("Remediation:SweepInterval", "00:00:00", "'Remediation:SweepInterval' must be a positive duration")]
    public async Task Start_MalformedSetting_StopsNamingTheKey(string key, string value, string message)
    {
        using var directory = new TempDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IncidentPlatform:Store"] = "embedded", ["IncidentPlatform:DataDirectory"] = directory.File("data"), [key] = value,
        });
        builder.AddRemediationModule();
        builder.Services.AddMassTransitTestHarness(bus => bus.AddRemediationConsumers());
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain(message);
    }

    [Fact]
    public async Task VerifyAuditTrail_Request_AnswersWithTheChainState()
    {
        await using var host = await RemediationHost.StartAsync("rules: []");
        var trail = host.Services.GetRequiredService<IncidentPlatform.Remediation.Audit.AuditTrail>();
        await trail.AppendAsync(new IncidentPlatform.Remediation.Audit.AuditRecord("inc-verify", "proposed", "policy", "policy",
            new Dictionary<string, string>()), default);

        var response = await host.Harness.GetRequestClient<VerifyAuditTrail>().GetResponse<AuditTrailVerification>(
            new VerifyAuditTrail { IncidentId = "inc-verify", OccurredAt = host.Time.GetUtcNow() });

        response.Message.Valid.ShouldBeTrue();
        response.Message.Entries.ShouldBe(1);
    }
}
