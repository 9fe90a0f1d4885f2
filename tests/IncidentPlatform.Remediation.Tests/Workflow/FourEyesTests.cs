using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Audit;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Workflow;

/// <summary>Four eyes: who requested, who decides (by stable actor id, not display name), and how many people high risk needs.</summary>
public sealed class FourEyesTests : ApprovalTest
{
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
}
