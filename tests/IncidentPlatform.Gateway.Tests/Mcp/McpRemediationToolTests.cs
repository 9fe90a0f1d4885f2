using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Infrastructure;

namespace IncidentPlatform.Gateway.Tests.Mcp;

public sealed class McpRemediationToolTests
{
    [Fact]
    public async Task RemediationDecision_ByApprover_SendsDecisionWithChannelActorAndRoles()
    {
        var (host, fakes) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        fakes.Decide = d => new RemediationCommandResult { Accepted = true, Remediation = RemediationSamples.Pending(d.RemediationId) with { State = RemediationState.Approved } };
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Approver);

        var result = (await client.CallAsync("remediation_decision",
            new { remediationId = "rem-1", decision = "approve", comment = "go" })).Structured();

        var sent = fakes.Of<DecideRemediation>().Single();
        (sent.RemediationId, sent.Approve, sent.Actor, sent.ActorId, sent.Channel, sent.Comment)
            .ShouldBe(("rem-1", true, "approver", "key:approver", "mcp", "go"));
        sent.Roles.ShouldBe(["sre"]);
        result.GetProperty("remediation").GetProperty("state").GetString().ShouldBe("approved");
    }

    [Fact]
    public async Task RemediationDecision_Refused_IsToolErrorWithTheReason()
    {
        var (host, _) = await FakeOwners.StartHostAsync();
        await using var __ = host;
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Approver);

        var result = await client.CallAsync("remediation_decision", new { remediationId = "rem-x", decision = "reject" });

        result.IsError.ShouldBe(true);
        result.Text().ShouldContain("No such remediation.");
    }

    [Fact]
    public async Task RemediationSuggestions_ReturnsPolicyEvaluatedActions()
    {
        var (host, fakes) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        fakes.Suggest = q => new RemediationSuggestions
        {
            IncidentId = q.IncidentId, Found = true, PolicyVersion = "sha256:1",
            Suggestions =
            [
                new RemediationSuggestion
                {
                    ActionId = CatalogActions.EcsForceNewDeployment, Rule = "restart", Risk = RiskLevel.Medium,
                    ApprovalMode = ApprovalMode.Manual, RequiredApprovals = 1, AllowedRoles = ["sre"], Recommended = true,
                    Rationale = new string('r', 800),
                },
            ],
            Notes = ["rule 'scale-out' skipped: cooldown"],
        };
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var result = await client.CallAsync("remediation_suggestions", new { id = "inc-1" });

        var body = result.Structured();
        body.GetProperty("policyVersion").GetString().ShouldBe("sha256:1");
        var suggestion = body.GetProperty("suggestions")[0];
        suggestion.GetProperty("risk").GetString().ShouldBe("medium");
        suggestion.GetProperty("approvalMode").GetString().ShouldBe("manual");
        suggestion.GetProperty("rationale").GetString()!.ShouldContain("[truncated 300");
        result.Text().ShouldStartWith("1 allowed action(s); first: aws.ecs.force-new-deployment");
        fakes.Of<SuggestRemediations>().Single().RequestedBy.ShouldBe("reader");
    }

    [Fact]
    public async Task RemediationSuggestions_UnknownIncident_IsToolError()
    {
        var (host, _) = await FakeOwners.StartHostAsync();
        await using var __ = host;
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var result = await client.CallAsync("remediation_suggestions", new { id = "inc-missing" });

        result.IsError.ShouldBe(true);
        result.Text().ShouldContain("inc-missing");
    }
}
