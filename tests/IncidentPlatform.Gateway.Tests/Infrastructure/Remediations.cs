using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>Remediation documents for tests.</summary>
internal static class Remediations
{
    public static Remediation Pending(string id, string incidentId = "inc-1") => new()
    {
        Id = id, IncidentId = incidentId, ActionId = CatalogActions.EcsForceNewDeployment, Rule = "restart-on-pool-exhaustion",
        PolicyVersion = "sha256:abc", Risk = RiskLevel.Medium, ApprovalMode = ApprovalMode.Manual, RequiredApprovals = 1,
        State = RemediationState.PendingApproval, RequestedBy = "policy", CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow, Parameters = new Dictionary<string, string> { ["cluster"] = "prod", ["service"] = "orders" },
    };
}
