using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Remediation.Tests.Workflow;

/// <summary>
/// The approval tests' remediation host: one policy with a one-approver, a two-approver and two high-risk rules, all
/// webhooks to the fake server, and a remediation brought to pending approval by an analysis of a category.
/// </summary>
public abstract class ApprovalTest : FakeServerTest
{
    protected override void Answer(FakeHttpServer server)
    {
        server.On(r => r.Path == "/ops/restart", 200, """{"ok":true}""");
    }

    private protected Task<RemediationHost> StartAsync() => RemediationHost.StartAsync($$"""
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

    private protected static async Task<Contracts.Remediation> PendingAsync(RemediationHost host, string category)
    {
        var incident = await host.SeedAsync(TestData.Incident());
        await host.AnalyzedAsync(incident, TestData.Analysis(category));
        var remediation = (await host.RemediationsAsync(incident.Id)).ShouldHaveSingleItem();
        remediation.State.ShouldBe(RemediationState.PendingApproval);
        return remediation;
    }
}
