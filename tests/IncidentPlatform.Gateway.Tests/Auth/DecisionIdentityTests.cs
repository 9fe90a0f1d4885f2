using System.Net;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Infrastructure;

namespace IncidentPlatform.Gateway.Tests.Auth;

/// <summary>
/// Decisions carry the decider's stable, prefixed identity (issue 15 item 3): an API key is <c>key:&lt;name&gt;</c> over
/// REST and MCP alike, so the remediation service tells people apart by what proved them, not by display names.
/// </summary>
public sealed class DecisionIdentityTests
{
    [Fact]
    public async Task Approve_OverRestAndMcp_CarriesTheKeysIdentity()
    {
        var (host, fakes) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        fakes.Decide = d => new RemediationCommandResult { Accepted = true, Remediation = RemediationSamples.Pending(d.RemediationId) };
        await using var mcp = await McpClients.ConnectAsync(host, TestKeys.Approver);

        using var rest = await host.Client(TestKeys.Approver).PostAsync("/api/remediations/rem-rest/approve", null);
        var tool = await mcp.CallAsync("remediation_decision", new { remediationId = "rem-mcp", decision = "reject" });

        rest.StatusCode.ShouldBe(HttpStatusCode.OK, await rest.Content.ReadAsStringAsync());
        tool.IsError.ShouldNotBe(true, tool.Text());
        var sent = fakes.Of<DecideRemediation>().ToDictionary(d => d.RemediationId);
        (sent["rem-rest"].Actor, sent["rem-rest"].ActorId, sent["rem-rest"].Channel).ShouldBe(("approver", "key:approver", "rest"));
        (sent["rem-mcp"].Actor, sent["rem-mcp"].ActorId, sent["rem-mcp"].Channel).ShouldBe(("approver", "key:approver", "mcp"));
    }
}
