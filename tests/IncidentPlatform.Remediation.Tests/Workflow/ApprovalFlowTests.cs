using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Audit;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Workflow;

/// <summary>Approvals through DecideRemediation (request/response), the expiry sweeper, and what runs afterwards.</summary>
public sealed class ApprovalFlowTests : FakeServerTest
{
    protected override void Answer(FakeHttpServer server)
    {
        server.On(r => r.Path == "/ops/restart", 200, """{"ok":true}""");
    }

    [Fact]
    public async Task Approve_ByAnAllowedRole_RunsTheActionOnce()
    {
        await using var host = await StartAsync();
        var remediation = await PendingAsync(host, AnalysisCategories.Timeout);

        var result = await host.DecideAsync(remediation.Id, "bob", roles: ["SRE"]);

        result.Accepted.ShouldBeTrue(result.Error);
        result.Status.ShouldBe(200);
        result.Remediation!.State.ShouldBe(RemediationState.Approved);
        var done = await host.Repository.GetAsync(remediation.Id, default);
        done!.State.ShouldBe(RemediationState.Succeeded);
        var decision = done.Decisions.ShouldHaveSingleItem();
        (decision.Actor, decision.Channel, decision.Approved).ShouldBe(("bob", "rest", true));
        Server.Requests.ShouldHaveSingleItem().Header("X-IncidentPlatform-Remediation").ShouldBe(remediation.Id);
        host.Harness.Published.Select<RemediationApproved>().Single().Context.Message.Actor.ShouldBe("bob");
        var trail = await host.Services.GetRequiredService<AuditTrail>().ReadAsync(remediation.IncidentId, default);
        trail.Where(e => e.RemediationId == remediation.Id).Select(e => (e.Kind, e.Actor, e.Channel)).ShouldBe([
            ("proposed", "policy", "policy"), ("approval-requested", "policy", "policy"), ("approved", "bob", "rest"),
            ("executing", "executor", "executor"), ("succeeded", "executor", "executor"),
        ]);
    }

    [Fact]
    public async Task Approve_WithoutAnAllowedRole_IsForbidden()
    {
        await using var host = await StartAsync();
        var remediation = await PendingAsync(host, AnalysisCategories.Timeout);

        var result = await host.DecideAsync(remediation.Id, "carol", roles: ["dba"]);

        result.Accepted.ShouldBeFalse();
        result.Status.ShouldBe(403);
        result.Error.ShouldBe($"deciding on remediation {remediation.Id} needs one of the roles sre");
        (await host.Repository.GetAsync(remediation.Id, default))!.State.ShouldBe(RemediationState.PendingApproval);
    }

    [Fact]
    public async Task Approve_TwoApproversRequired_TheSecondDistinctOneApproves()
    {
        await using var host = await StartAsync();
        var remediation = await PendingAsync(host, AnalysisCategories.Dns);

        var first = await host.DecideAsync(remediation.Id, "alice", roles: ["sre"], channel: "slack");
        var again = await host.DecideAsync(remediation.Id, "alice", roles: ["sre"], channel: "slack");
        var changedMind = await host.DecideAsync(remediation.Id, "alice", approve: false, roles: ["sre"]);
        Server.Requests.ShouldBeEmpty();
        var second = await host.DecideAsync(remediation.Id, "bob", roles: ["sre"], channel: "mcp");

        first.Remediation!.State.ShouldBe(RemediationState.PendingApproval);
        again.Accepted.ShouldBeTrue();
        again.Remediation!.Decisions.Count.ShouldBe(1);
        changedMind.Status.ShouldBe(409);
        changedMind.Error.ShouldBe($"alice already decided on remediation {remediation.Id}");
        second.Remediation!.State.ShouldBe(RemediationState.Approved);
        second.Remediation.Decisions.Select(d => (d.Actor, d.Channel)).ShouldBe([("alice", "slack"), ("bob", "mcp")]);
        Server.Requests.Count.ShouldBe(1);
        var kinds = (await host.Services.GetRequiredService<AuditTrail>().ReadAsync(remediation.IncidentId, default)).Select(e => e.Kind);
        kinds.ShouldContain("approval");
        kinds.ShouldContain("approved");
    }

    [Fact]
    public async Task Approve_ByItsRequester_IsRefusedFourEyes()
    {
        await using var host = await StartAsync();
        var now = host.Time.GetUtcNow();
        var requested = (await host.Repository.TryCreateAsync(new Contracts.Remediation
        {
            Id = $"rem-{Guid.NewGuid():N}", IncidentId = "inc-four-eyes", ActionId = CatalogActions.HttpWebhook,
            Parameters = new Dictionary<string, string> { ["url"] = $"{Server.BaseAddress}ops/restart", ["body"] = "{}" },
            Rule = "one-approver", PolicyVersion = "v", Risk = RiskLevel.Medium, ApprovalMode = ApprovalMode.Manual,
            RequiredApprovals = 1, AllowedRoles = ["sre"], State = RemediationState.PendingApproval, RequestedBy = "Alice",
            RequestedById = "oidc:https://idp.example/alice-1", ExpiresAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now,
        }, default))!;

        // Under another display name, through another channel: the same person by the stable id.
        var own = await host.DecideAsync(requested.Id, "alice.w", roles: ["sre"], channel: "ui", actorId: "oidc:https://idp.example/alice-1");
        var other = await host.DecideAsync(requested.Id, "Alice", roles: ["sre"], actorId: "oidc:https://idp.example/alice-2");

        own.Status.ShouldBe(403);
        own.Error.ShouldBe($"remediation {requested.Id} needs an approver other than its requester Alice (four eyes)");
        other.Accepted.ShouldBeTrue(other.Error);
        var ran = await host.Repository.GetAsync(requested.Id, default);
        ran!.Result.ShouldNotBeNull().Error.ShouldBeNull();
        Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Approve_ByWhoeverAskedForTheAnalysisThatProposedIt_IsRefusedFourEyes()
    {
        await using var host = await StartAsync();
        var incident = await host.SeedAsync(TestData.Incident());
        await host.AnalyzedAsync(incident, TestData.Analysis(AnalysisCategories.Dns), requestedBy: "Alice", requestedById: "key:alice");
        var requested = (await host.RemediationsAsync(incident.Id)).ShouldHaveSingleItem();

        var own = await host.DecideAsync(requested.Id, "alice", roles: ["sre"], actorId: "key:alice");
        var other = await host.DecideAsync(requested.Id, "bob", roles: ["sre"], actorId: "key:bob");

        requested.RequestedBy.ShouldBe("Alice");
        requested.RequestedById.ShouldBe("key:alice");
        own.Status.ShouldBe(403);
        own.Error.ShouldBe($"remediation {requested.Id} needs an approver other than its requester Alice (four eyes)");
        other.Accepted.ShouldBeTrue(other.Error);
        var proposed = (await host.Services.GetRequiredService<AuditTrail>().ReadAsync(incident.Id, default)).First(e => e.Kind == "proposed");
        (proposed.Actor, proposed.Details["requestedById"]).ShouldBe(("Alice", "key:alice"));
    }

    [Fact]
    public async Task Propose_OnItsOwn_IsRequestedByThePolicy()
    {
        await using var host = await StartAsync();

        var remediation = await PendingAsync(host, AnalysisCategories.Dns);

        (remediation.RequestedBy, remediation.RequestedById).ShouldBe(("policy", "policy"));
    }

    [Fact]
    public async Task Approve_SamePersonUnderTwoNames_CountsOnce()
    {
        await using var host = await StartAsync();
        var remediation = await PendingAsync(host, AnalysisCategories.Dns);

        var first = await host.DecideAsync(remediation.Id, "alice", roles: ["sre"], channel: "slack", actorId: "slack:T1/U1");
        var second = await host.DecideAsync(remediation.Id, "Alice Smith", roles: ["sre"], channel: "slack", actorId: "slack:T1/U1");

        first.Remediation!.State.ShouldBe(RemediationState.PendingApproval);
        second.Accepted.ShouldBeTrue();
        second.Remediation!.State.ShouldBe(RemediationState.PendingApproval);
        second.Remediation.Decisions.ShouldHaveSingleItem().ActorId.ShouldBe("slack:T1/U1");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Approve_TwoPeopleSharingADisplayName_AreTwoApprovers()
    {
        await using var host = await StartAsync();
        var remediation = await PendingAsync(host, AnalysisCategories.Dns);

        await host.DecideAsync(remediation.Id, "alex", roles: ["sre"], channel: "slack", actorId: "slack:T1/U1");
        var second = await host.DecideAsync(remediation.Id, "alex", roles: ["sre"], channel: "slack", actorId: "slack:T2/U1");

        second.Accepted.ShouldBeTrue(second.Error);
        second.Remediation!.State.ShouldBe(RemediationState.Approved);
        second.Remediation.Decisions.Select(d => d.ActorId).ShouldBe(["slack:T1/U1", "slack:T2/U1"]);
        Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Decide_WithoutAStableActorId_IsForbidden()
    {
        await using var host = await StartAsync();
        var remediation = await PendingAsync(host, AnalysisCategories.Timeout);

        var result = await host.DecideAsync(remediation.Id, "bob", roles: ["sre"], actorId: "");

        result.Status.ShouldBe(403);
        result.Error!.ShouldStartWith("a decision needs an identified actor (a name and a stable actor id)");
        (await host.Repository.GetAsync(remediation.Id, default))!.State.ShouldBe(RemediationState.PendingApproval);
    }

    [Fact]
    public async Task Approve_HighRiskWithoutAnApproverCount_NeedsTwoDistinctPeople()
    {
        await using var host = await StartAsync();
        var remediation = await PendingAsync(host, AnalysisCategories.ResourceSaturation);
        remediation.RequiredApprovals.ShouldBe(2);

        var first = await host.DecideAsync(remediation.Id, "bob", roles: ["sre"]);
        var again = await host.DecideAsync(remediation.Id, "bob", roles: ["sre"]);
        Server.Requests.ShouldBeEmpty();
        var second = await host.DecideAsync(remediation.Id, "carol", roles: ["sre"]);

        first.Remediation!.State.ShouldBe(RemediationState.PendingApproval);
        again.Remediation!.State.ShouldBe(RemediationState.PendingApproval);
        second.Remediation!.State.ShouldBe(RemediationState.Approved);
        Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Approve_HighRiskWithOneApproverSaidExplicitly_OnePersonApproves()
    {
        await using var host = await StartAsync();
        var remediation = await PendingAsync(host, AnalysisCategories.TrafficSurge);
        remediation.RequiredApprovals.ShouldBe(1);

        var result = await host.DecideAsync(remediation.Id, "bob", roles: ["sre"]);

        result.Remediation!.State.ShouldBe(RemediationState.Approved);
        Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Reject_StopsItAndLaterDecisionsAreRefused()
    {
        await using var host = await StartAsync();
        var remediation = await PendingAsync(host, AnalysisCategories.Timeout);

        var rejected = await host.DecideAsync(remediation.Id, "bob", approve: false, roles: ["sre"]);
        var late = await host.DecideAsync(remediation.Id, "dave", roles: ["sre"]);

        rejected.Remediation!.State.ShouldBe(RemediationState.Rejected);
        host.Harness.Published.Select<RemediationRejected>().Single().Context.Message.Actor.ShouldBe("bob");
        late.Status.ShouldBe(409);
        late.Error.ShouldBe($"remediation {remediation.Id} was already rejected by bob");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Decide_UnknownRemediation_IsNotFound()
    {
        await using var host = await StartAsync();

        var result = await host.DecideAsync("rem-unknown", "bob");

        result.Status.ShouldBe(404);
        result.Error.ShouldBe("remediation rem-unknown does not exist");
    }

    [Fact]
    public async Task Decide_AfterTheExpiry_IsRefusedAndTheRemediationExpires()
    {
        await using var host = await StartAsync();
        var remediation = await PendingAsync(host, AnalysisCategories.Timeout);

        host.Time.Advance(TimeSpan.FromMinutes(31));
        var result = await host.DecideAsync(remediation.Id, "bob", roles: ["sre"]);

        result.Status.ShouldBe(409);
        result.Error.ShouldBe($"remediation {remediation.Id} expired at {remediation.ExpiresAt:O}");
        (await host.Repository.GetAsync(remediation.Id, default))!.State.ShouldBe(RemediationState.Expired);
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sweep_PendingPastItsExpiry_ExpiresItOnce()
    {
        await using var host = await StartAsync();
        var remediation = await PendingAsync(host, AnalysisCategories.Timeout);

        host.Time.Advance(TimeSpan.FromMinutes(29));
        await host.SweepAsync();
        (await host.Repository.GetAsync(remediation.Id, default))!.State.ShouldBe(RemediationState.PendingApproval);

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.SweepAsync();
        await host.SweepAsync();

        (await host.Repository.GetAsync(remediation.Id, default))!.State.ShouldBe(RemediationState.Expired);
        var rejected = host.Harness.Published.Select<RemediationRejected>().ShouldHaveSingleItem().Context.Message;
        (rejected.Actor, rejected.Channel).ShouldBe(("system", "system"));
        var trail = await host.Services.GetRequiredService<AuditTrail>().ReadAsync(remediation.IncidentId, default);
        trail.Count(e => e.Kind == "expired").ShouldBe(1);
        (await host.Repository.ListOpenAsync(100, default)).ShouldBeEmpty();
    }

    private Task<RemediationHost> StartAsync() => RemediationHost.StartAsync($$"""
        bounds:
          http.webhook: {allowedUrls: ["{{Server.BaseAddress}}ops/"]}
        rules:
          - name: one-approver
            match: {categories: [timeout]}
            actions:
              - action: http.webhook
                parameters: {url: "{{Server.BaseAddress}}ops/restart", body: "{}"}
            approval: {mode: manual, roles: [sre], expiresAfter: 30m}
          - name: two-approvers
            match: {categories: [dns]}
            actions:
              - action: http.webhook
                parameters: {url: "{{Server.BaseAddress}}ops/restart", body: "{}"}
            approval: {mode: manual, approvers: 2, roles: [sre]}
          - name: high-risk-default
            match: {categories: [resource-saturation]}
            actions:
              - action: http.webhook
                parameters: {url: "{{Server.BaseAddress}}ops/restart", body: "{}"}
            approval: {mode: manual, roles: [sre]}
            risk: high
          - name: high-risk-one-said
            match: {categories: [traffic-surge]}
            actions:
              - action: http.webhook
                parameters: {url: "{{Server.BaseAddress}}ops/restart", body: "{}"}
            approval: {mode: manual, approvers: 1, roles: [sre]}
            risk: high
        """, new Dictionary<string, string?> { ["Remediation:Webhook:Secret"] = "webhook-secret-0123456789" });

    private static async Task<Contracts.Remediation> PendingAsync(RemediationHost host, string category)
    {
        var incident = await host.SeedAsync(TestData.Incident());
        await host.AnalyzedAsync(incident, TestData.Analysis(category));
        var remediation = (await host.RemediationsAsync(incident.Id)).ShouldHaveSingleItem();
        remediation.State.ShouldBe(RemediationState.PendingApproval);
        return remediation;
    }
}
