using IncidentPlatform.Contracts;
using IncidentPlatform.ServiceDefaults;

namespace IncidentPlatform.Notifier.Tests;

/// <summary>Builds the incidents and remediations each test needs.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 14, 0, 0, TimeSpan.Zero);

    public static Incident Incident(
        Severity severity = Severity.High, string? service = "checkout", string title = "Checkout errors",
        IncidentStatus status = IncidentStatus.Open, long version = 1, IReadOnlyDictionary<string, string>? labels = null,
        string? id = null) => new()
    {
        Id = id ?? Ids.New("inc"),
        Fingerprint = Guid.NewGuid().ToString("N"),
        Title = title,
        Service = service,
        Severity = severity,
        Status = status,
        Source = "alertmanager",
        Labels = labels ?? new Dictionary<string, string> { ["env"] = "prod" },
        CreatedAt = Now,
        UpdatedAt = Now,
        AlertCount = 3,
        Version = version,
    };

    public static IncidentOpened Opened(Incident incident) =>
        new() { IncidentId = incident.Id, OccurredAt = Now, Incident = incident };

    public static IncidentUpdated Updated(Incident incident, params string[] changes) =>
        new() { IncidentId = incident.Id, OccurredAt = Now, Incident = incident, Changes = changes, Significant = true };

    public static IncidentResolved Resolved(Incident incident) => new()
    {
        IncidentId = incident.Id,
        OccurredAt = Now,
        Incident = incident with { Status = IncidentStatus.Resolved, Version = incident.Version + 1 },
        ResolvedBy = "alice",
        Reason = "fixed",
    };

    public static Remediation Remediation(string incidentId, string action = "aws.ecs.force-new-deployment") => new()
    {
        Id = Ids.New("rem"),
        IncidentId = incidentId,
        ActionId = action,
        Parameters = new Dictionary<string, string> { ["cluster"] = "prod", ["service"] = "checkout" },
        Rule = "restart-on-pool-exhaustion",
        PolicyVersion = "sha256:abc",
        Risk = RiskLevel.Medium,
        ApprovalMode = ApprovalMode.Manual,
        RequiredApprovals = 1,
        State = RemediationState.PendingApproval,
        RequestedBy = "policy",
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    /// <summary>An analysis: resource exhaustion, most likely the connection pool (80 %).</summary>
    public static IncidentAnalysis Analysis(Severity severity = Severity.High) => new()
    {
        Category = "resource-exhaustion",
        Hypotheses = [new Hypothesis { Summary = "Connection pool exhausted", Confidence = 0.8 }],
        Severity = severity,
        Impact = "checkout fails for a third of users",
        Provider = "offline",
        AnalyzedAt = Now,
    };

    public static ApprovalRequested ApprovalRequested(Remediation remediation) => new()
    {
        IncidentId = remediation.IncidentId, RemediationId = remediation.Id, OccurredAt = Now, Remediation = remediation,
    };
}
