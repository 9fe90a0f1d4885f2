using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Audit;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Workflow;

/// <summary>Approvals through DecideRemediation (request/response), the expiry sweeper, and what runs afterwards.</summary>
public sealed class ApprovalFlowTests : ApprovalTest
{
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
}
