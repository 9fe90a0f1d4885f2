using System.Net.Http.Json;
using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Remediation.Workflow;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentPlatform.Remediation.Tests.Gateway;

/// <summary>Verification's commands reach the detector, which owns incidents: recovered → resolved; not → escalated.</summary>
public sealed class VerificationWithDetectorTests : FakeServerTest
{
    protected override void Answer(FakeHttpServer server) => server.On(_ => true, 200);

    [Fact]
    public async Task Verified_TheDetectorResolvesTheIncident()
    {
        var time = new ManualTimeProvider(TestData.Wednesday10);
        await using var host = await StartAsync(time);
        var incident = await ExecutedAsync(host, time);

        time.Advance(TimeSpan.FromMinutes(11));
        await SweepAsync(host);

        var resolved = await EventuallyAsync(host, incident.Id, i => i.GetProperty("status").GetString() == "resolved");
        resolved.GetProperty("resolvedBy").GetString().ShouldBe("remediation");
        resolved.GetProperty("remediations")[0].GetProperty("state").GetString().ShouldBe("verified");
        Server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/flush");
    }

    [Fact]
    public async Task NotRecovered_TheDetectorRaisesTheSeverity()
    {
        var time = new ManualTimeProvider(TestData.Wednesday10);
        await using var host = await StartAsync(time);
        var incident = await ExecutedAsync(host, time);
        time.Advance(TimeSpan.FromMinutes(3));
        await host.Services.GetRequiredService<IIncidentStore>().UpdateAsync(incident.Id, i => i with { LastAlertAt = time.GetUtcNow() });

        time.Advance(TimeSpan.FromMinutes(8));
        await SweepAsync(host);

        // The detector appends the timeline entry right after the severity change: wait for both.
        var escalated = await EventuallyAsync(host, incident.Id, i => i.GetProperty("severity").GetString() == "critical" &&
            i.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("message").GetString()!.Contains("did not recover the incident")));
        escalated.GetProperty("status").GetString().ShouldBe("open");
        escalated.GetProperty("remediations")[0].GetProperty("state").GetString().ShouldBe("escalated");
    }

    private Task<GatewayHost> StartAsync(ManualTimeProvider time) => GatewayHost.StartAsync(
        Infrastructure.Policies.FlushThenVerify(Server.BaseAddress), new Dictionary<string, string?>
        {
            ["Remediation:Webhook:Secret"] = "webhook-secret-0123456789",
            ["Remediation:DryRun"] = "false", // The in-memory transport makes the module default to dry-run, which is never verified.
        }, time);

    private static async Task<Incident> ExecutedAsync(GatewayHost host, ManualTimeProvider time)
    {
        var candidate = TestData.Incident(at: time.GetUtcNow());
        var incident = (await host.Services.GetRequiredService<IIncidentStore>().FindOrOpenAsync(candidate.Fingerprint, candidate)).Incident;
        await host.Services.GetRequiredService<IBus>().Publish(new IncidentAnalyzed
        {
            IncidentId = incident.Id, OccurredAt = time.GetUtcNow(), Analysis = TestData.Analysis(AnalysisCategories.Timeout),
        });
        await EventuallyAsync(host, incident.Id, i => i.GetProperty("remediations") is { ValueKind: JsonValueKind.Array } r &&
            r.GetArrayLength() == 1 && r[0].GetProperty("state").GetString() == "succeeded");
        return incident;
    }

    private static Task SweepAsync(GatewayHost host) =>
        host.Services.GetServices<IHostedService>().OfType<RemediationSweeper>().Single().SweepOnceAsync(CancellationToken.None);

    private static async Task<JsonElement> EventuallyAsync(GatewayHost host, string incidentId, Func<JsonElement, bool> done)
    {
        using var client = host.Client(GatewayHost.Reader);
        return await Eventually.GetAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/incidents/{incidentId}"), done,
            "the incident reached the expected state");
    }
}
