using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Gateway;

/// <summary>The gateway's remediation REST API over the real module wiring of the standalone host.</summary>
public sealed class RemediationEndpointTests
{
    private const string Policy = """
        bounds:
          aws.ec2.reboot-instances: {maxInstances: 1}
        rules:
          - name: reboot
            match: {categories: [resource-saturation]}
            actions:
              - action: aws.ec2.reboot-instances
                parameters: {instanceIds: "{{labels.instance_id}}"}
            approval: {mode: manual, roles: [sre], expiresAfter: 30m}
            risk: high
            dryRun: true
        """;

    [Fact]
    public async Task Approve_ByAnSreKey_RunsItAndTheIncidentListsItWithTheDecisionAndResult()
    {
        await using var host = await GatewayHost.StartAsync(Policy);
        var incident = await PendingAsync(host);
        var pending = (await IncidentAsync(host, incident.Id)).GetProperty("remediations").EnumerateArray().ShouldHaveSingleItem();
        pending.GetProperty("state").GetString().ShouldBe("pendingApproval");
        pending.GetProperty("actionId").GetString().ShouldBe(CatalogActions.Ec2RebootInstances);
        pending.GetProperty("parameters").GetProperty("instanceIds").GetString().ShouldBe("i-0123456789abcdef0");
        var id = pending.GetProperty("id").GetString()!;

        using var response = await host.Client(GatewayHost.Sre).PostAsync($"/api/remediations/{id}/approve",
            new StringContent("""{"comment":"go ahead","channel":"ui"}""", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("approved");
        var done = await EventuallyAsync(host, incident.Id, r => r.GetProperty("state").GetString() == "succeeded");
        var decision = done.GetProperty("decisions").EnumerateArray().ShouldHaveSingleItem();
        decision.GetProperty("actor").GetString().ShouldBe("sre-alice");
        decision.GetProperty("channel").GetString().ShouldBe("ui");
        decision.GetProperty("comment").GetString().ShouldBe("go ahead");
        done.GetProperty("result").GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        done.GetProperty("result").GetProperty("request").GetString()!.ShouldContain("Action=RebootInstances");
    }

    [Fact]
    public async Task Decide_Refusals_MapToProblemDetails()
    {
        await using var host = await GatewayHost.StartAsync(Policy);
        var incident = await PendingAsync(host);
        var id = (await IncidentAsync(host, incident.Id)).GetProperty("remediations")[0].GetProperty("id").GetString()!;

        using var noScope = await host.Client(GatewayHost.Writer).PostAsync($"/api/remediations/{id}/approve", null);
        using var noRole = await host.Client(GatewayHost.Dba).PostAsync($"/api/remediations/{id}/approve", null);
        using var unknown = await host.Client(GatewayHost.Sre).PostAsync("/api/remediations/rem-nothing/approve", null);
        using var rejected = await host.Client(GatewayHost.Sre).PostAsync($"/api/remediations/{id}/reject", null);
        using var late = await host.Client(GatewayHost.OtherSre).PostAsync($"/api/remediations/{id}/approve", null);
        using var badBody = await host.Client(GatewayHost.Sre).PostAsync($"/api/remediations/{id}/approve",
            new StringContent("{not json", Encoding.UTF8, "application/json"));
        using var badChannel = await host.Client(GatewayHost.Sre).PostAsync($"/api/remediations/{id}/approve",
            new StringContent("""{"channel":"slack"}""", Encoding.UTF8, "application/json"));

        noScope.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ShouldBeProblemAsync(noRole, HttpStatusCode.Forbidden, "needs one of the roles sre");
        await ShouldBeProblemAsync(unknown, HttpStatusCode.NotFound, "remediation rem-nothing does not exist");
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rejection = (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisions")[0];
        (rejection.GetProperty("actor").GetString(), rejection.GetProperty("channel").GetString()).ShouldBe(("sre-alice", "rest"));
        await ShouldBeProblemAsync(late, HttpStatusCode.Conflict, "was already rejected by sre-alice");
        await ShouldBeProblemAsync(badBody, HttpStatusCode.BadRequest, "not valid JSON");
        badChannel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task VerifyAudit_AnswersValidWithTheEntryCount()
    {
        await using var host = await GatewayHost.StartAsync(Policy);
        var incident = await PendingAsync(host);

        var verification = await host.Client(GatewayHost.Reader).GetFromJsonAsync<JsonElement>($"/api/incidents/{incident.Id}/audit/verify");
        using var missing = await host.Client(GatewayHost.Reader).GetAsync("/api/incidents/inc-nothing/audit/verify");
        using var anonymous = await host.Client(null).GetAsync($"/api/incidents/{incident.Id}/audit/verify");

        verification.GetProperty("valid").GetBoolean().ShouldBeTrue();
        verification.GetProperty("entries").GetInt64().ShouldBe(3);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<Incident> PendingAsync(GatewayHost host)
    {
        var candidate = TestData.Incident(labels: TestData.Labels(("instance_id", "i-0123456789abcdef0")), at: DateTimeOffset.UtcNow);
        var incident = (await host.Services.GetRequiredService<IIncidentStore>().FindOrOpenAsync(candidate.Fingerprint, candidate)).Incident;
        await host.Services.GetRequiredService<IBus>().Publish(new IncidentAnalyzed
        {
            IncidentId = incident.Id, OccurredAt = DateTimeOffset.UtcNow, Analysis = TestData.Analysis(at: DateTimeOffset.UtcNow),
        });
        await EventuallyAsync(host, incident.Id, r => r.GetProperty("state").GetString() == "pendingApproval");
        return incident;
    }

    private static async Task<JsonElement> IncidentAsync(GatewayHost host, string id) =>
        await host.Client(GatewayHost.Reader).GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");

    private static async Task<JsonElement> EventuallyAsync(GatewayHost host, string incidentId, Func<JsonElement, bool> done)
    {
        var remediations = await Eventually.GetAsync(
            async () => (await IncidentAsync(host, incidentId)).GetProperty("remediations"),
            r => r.GetArrayLength() == 1 && done(r[0]), "the remediation reached the expected state");
        return remediations[0];
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain(detail);
    }
}
