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
            approval: {mode: manual, approvers: 1, roles: [sre], expiresAfter: 30m}
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

    [Fact]
    public async Task Approve_TimelineTellsEveryStepAndTheAuditTrailReadsAsAChain()
    {
        await using var host = await GatewayHost.StartAsync(Policy);
        var incident = await PendingAsync(host);
        var id = (await IncidentAsync(host, incident.Id)).GetProperty("remediations")[0].GetProperty("id").GetString()!;
        using var approved = await host.Client(GatewayHost.Sre).PostAsync($"/api/remediations/{id}/approve",
            new StringContent("""{"comment":"CPU pinned, reboot it","channel":"ui"}""", Encoding.UTF8, "application/json"));
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        await EventuallyAsync(host, incident.Id, r => r.GetProperty("state").GetString() == "succeeded");

        var steps = (await IncidentAsync(host, incident.Id)).GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "remediation").ToList();
        steps.Select(e => e.GetProperty("data").GetProperty("step").GetString())
            .ShouldBe(["proposed", "approval-requested", "approved", "succeeded"]);
        var decision = steps[2];
        decision.GetProperty("actor").GetString().ShouldBe("sre-alice");
        decision.GetProperty("message").GetString().ShouldBe("sre-alice approved aws.ec2.reboot-instances via ui: “CPU pinned, reboot it”");
        decision.GetProperty("data").GetProperty("comment").GetString().ShouldBe("CPU pinned, reboot it");
        steps[3].GetProperty("message").GetString()!.ShouldContain("dry-run");

        using var reader = host.Client(GatewayHost.Reader);
        var audit = await reader.GetFromJsonAsync<JsonElement>($"/api/incidents/{incident.Id}/audit");
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("kind").GetString())
            .ShouldBe(["proposed", "approval-requested", "evaluated", "approved", "executing", "succeeded"]);
        audit.GetProperty("total").GetInt64().ShouldBe(6);
        entries.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBe([0L, 1, 2, 3, 4, 5]);
        for (var i = 1; i < entries.Count; i++)
        {
            entries[i].GetProperty("previousHash").GetString().ShouldBe(entries[i - 1].GetProperty("hash").GetString());
        }

        entries[3].GetProperty("details").GetProperty("comment").GetString().ShouldBe("CPU pinned, reboot it");
        var page = await reader.GetFromJsonAsync<JsonElement>($"/api/incidents/{incident.Id}/audit?offset=4&limit=1");
        page.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("kind").GetString().ShouldBe("executing");
        page.GetProperty("nextOffset").GetInt64().ShouldBe(5);
    }

    [Fact]
    public async Task ReadAudit_BadRequests_AreProblems()
    {
        await using var host = await GatewayHost.StartAsync(Policy);
        var incident = await PendingAsync(host);

        using var missing = await host.Client(GatewayHost.Reader).GetAsync("/api/incidents/inc-nothing/audit");
        using var badLimit = await host.Client(GatewayHost.Reader).GetAsync($"/api/incidents/{incident.Id}/audit?limit=0");
        using var anonymous = await host.Client(null).GetAsync($"/api/incidents/{incident.Id}/audit");

        await ShouldBeProblemAsync(missing, HttpStatusCode.NotFound, "no incident 'inc-nothing'");
        badLimit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Resolve_InterruptedRemediation_RecordsThePersonsFindingAndRefusesOtherStates()
    {
        await using var host = await GatewayHost.StartAsync(Policy);
        var incident = await PendingAsync(host);
        var id = (await IncidentAsync(host, incident.Id)).GetProperty("remediations")[0].GetProperty("id").GetString()!;
        static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

        using var notInterrupted = await host.Client(GatewayHost.Sre).PostAsync($"/api/remediations/{id}/resolve", Body("""{"resolution":"failed"}"""));
        var repository = host.Services.GetRequiredService<IncidentPlatform.Remediation.Workflow.RemediationRepository>();
        var pending = (await repository.GetAsync(id, default))!;
        (await repository.TryUpdateAsync(pending with { State = RemediationState.Interrupted }, default)).ShouldNotBeNull();
        using var noScope = await host.Client(GatewayHost.Writer).PostAsync($"/api/remediations/{id}/resolve", Body("""{"resolution":"failed"}"""));
        using var badResolution = await host.Client(GatewayHost.Sre).PostAsync($"/api/remediations/{id}/resolve", Body("""{"resolution":"maybe"}"""));
        using var noRole = await host.Client(GatewayHost.Dba).PostAsync($"/api/remediations/{id}/resolve", Body("""{"resolution":"rerun"}"""));
        using var resolved = await host.Client(GatewayHost.Sre).PostAsync($"/api/remediations/{id}/resolve",
            Body("""{"resolution":"failed","comment":"the instance never rebooted"}"""));

        await ShouldBeProblemAsync(notInterrupted, HttpStatusCode.Conflict, "not interrupted");
        noScope.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        badResolution.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badResolution.Content.ReadAsStringAsync()).ShouldContain("succeeded, failed, rerun");
        await ShouldBeProblemAsync(noRole, HttpStatusCode.Forbidden, "needs one of the roles sre");
        resolved.StatusCode.ShouldBe(HttpStatusCode.OK, await resolved.Content.ReadAsStringAsync());
        var failed = await EventuallyAsync(host, incident.Id, r => r.GetProperty("state").GetString() == "failed");
        failed.GetProperty("result").GetProperty("error").GetString()!.ShouldContain("the instance never rebooted");
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
