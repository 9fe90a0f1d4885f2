using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Audit;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Workflow;

/// <summary>The re-check after a successful run: recovered → resolve the incident; not recovered → escalate it.</summary>
public sealed class VerificationTests : FakeServerTest
{
    protected override void Answer(FakeHttpServer server)
    {
        server.On(_ => true, 200);
    }

    [Fact]
    public async Task Sweep_NoAlertSinceTheAction_VerifiesAndResolvesTheIncident()
    {
        await using var host = await StartAsync();
        var (incident, remediation) = await ExecutedAsync(host);

        host.Time.Advance(TimeSpan.FromMinutes(9));
        await host.SweepAsync();
        (await host.Repository.GetAsync(remediation.Id, default))!.State.ShouldBe(RemediationState.Succeeded);

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.SweepAsync();
        await host.SweepAsync();

        (await host.Repository.GetAsync(remediation.Id, default))!.State.ShouldBe(RemediationState.Verified);
        var resolve = host.Harness.Published.Select<ResolveIncident>().ShouldHaveSingleItem().Context.Message;
        resolve.IncidentId.ShouldBe(incident.Id);
        resolve.Actor.ShouldBe("remediation");
        resolve.Reason.ShouldNotBeNull().ShouldContain($"remediation {remediation.Id} (http.webhook) verified");
        host.Harness.Published.Select<UpdateIncident>().ShouldBeEmpty();
        var verified = (await host.Services.GetRequiredService<AuditTrail>().ReadAsync(incident.Id, default)).Single(e => e.Kind == "verified");
        verified.Details["evidence"].ShouldStartWith("no alert since the action finished");
    }

    [Fact]
    public async Task Sweep_AlertsKeptComing_EscalatesTheIncidentOneSeverityStep()
    {
        await using var host = await StartAsync();
        var (incident, remediation) = await ExecutedAsync(host);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.Services.GetRequiredService<IIncidentStore>().UpdateAsync(incident.Id,
            i => i with { LastAlertAt = host.Time.GetUtcNow(), AlertCount = i.AlertCount + 1 });

        host.Time.Advance(TimeSpan.FromMinutes(6));
        await host.SweepAsync();

        (await host.Repository.GetAsync(remediation.Id, default))!.State.ShouldBe(RemediationState.Escalated);
        var update = host.Harness.Published.Select<UpdateIncident>().ShouldHaveSingleItem().Context.Message;
        update.IncidentId.ShouldBe(incident.Id);
        update.Severity.ShouldBe(Severity.Critical);
        update.Note.ShouldNotBeNull().ShouldContain("did not recover the incident");
        host.Harness.Published.Select<ResolveIncident>().ShouldBeEmpty();
        var escalated = (await host.Services.GetRequiredService<AuditTrail>().ReadAsync(incident.Id, default)).Single(e => e.Kind == "escalated");
        escalated.Details["severity"].ShouldBe("high -> critical");
        (await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync(incident.Id, default)).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Sweep_DryRun_IsNeverVerified()
    {
        await using var host = await StartAsync(dryRun: true);
        var (_, remediation) = await ExecutedAsync(host);

        host.Time.Advance(TimeSpan.FromMinutes(11));
        await host.SweepAsync();

        (await host.Repository.GetAsync(remediation.Id, default))!.State.ShouldBe(RemediationState.Succeeded);
        host.Harness.Published.Select<ResolveIncident>().ShouldBeEmpty();
        (await host.Repository.ListOpenAsync(10, default)).ShouldBeEmpty();
    }

    private Task<RemediationHost> StartAsync(bool dryRun = false) => RemediationHost.StartAsync(
        Infrastructure.Policies.FlushThenVerify(Server.BaseAddress), new Dictionary<string, string?>
        {
            ["Remediation:Webhook:Secret"] = "webhook-secret-0123456789", ["Remediation:DryRun"] = dryRun ? "true" : null,
        });

    private static async Task<(Incident, Contracts.Remediation)> ExecutedAsync(RemediationHost host)
    {
        var incident = await host.SeedAsync(TestData.Incident());
        await host.AnalyzedAsync(incident, TestData.Analysis(AnalysisCategories.Timeout));
        var remediation = (await host.RemediationsAsync(incident.Id)).ShouldHaveSingleItem();
        remediation.State.ShouldBe(RemediationState.Succeeded);
        return (incident, remediation);
    }
}
