using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Policies;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Policies;

/// <summary>GetRemediationPolicy (the gateway's <c>policy://current</c> resource) answers with the policy in force.</summary>
public sealed class PolicySnapshotTests
{
    private const string Policy = "rules:\n  - name: note\n    match: {}\n    approval: auto\n    actions:\n      - action: pagerduty.note\n        parameters: {incident: PABC123, content: hi}\n";

    [Fact]
    public async Task GetRemediationPolicy_AnswersTheVersionTextAndRejectedChanges()
    {
        await using var host = await RemediationHost.StartAsync(Policy);
        var provider = host.Services.GetRequiredService<PolicyProvider>();

        var loaded = await SnapshotAsync(host);
        await File.WriteAllTextAsync(host.PolicyPath, Policy.Replace("pagerduty.note", "pagerduty.call-everyone"));
        await provider.CheckAsync(TimeSpan.Zero, default);
        var rejected = await SnapshotAsync(host);

        loaded.Loaded.ShouldBeTrue();
        loaded.Version.ShouldBe(Infrastructure.Policies.Load(Policy).Version);
        loaded.Source.ShouldBe(host.PolicyPath);
        loaded.Content.ShouldBe(Policy);
        loaded.Errors.ShouldBeEmpty();
        rejected.Version.ShouldBe(loaded.Version);
        rejected.Content.ShouldBe(Policy);
        rejected.Errors.ShouldHaveSingleItem().ShouldStartWith("policy.yaml:6:17: rule 'note': unknown catalog action 'pagerduty.call-everyone'");
    }

    private static async Task<RemediationPolicySnapshot> SnapshotAsync(RemediationHost host) =>
        (await host.Harness.GetRequestClient<GetRemediationPolicy>().GetResponse<RemediationPolicySnapshot>(
            new GetRemediationPolicy { OccurredAt = host.Time.GetUtcNow(), RequestedBy = "mcp-client" })).Message;
}
