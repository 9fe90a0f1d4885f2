using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Catalog;

/// <summary>
/// What the analysis tells the model (and the offline analyzer uses) about each catalog action: its purpose and the
/// parameter names the remediation service expects (the AWS API names). The remediation service owns the schemas and
/// bounds and validates every parameter again before anything runs.
/// </summary>
internal static class CatalogGuide
{
    public static readonly IReadOnlyList<CatalogEntry> Entries =
    [
        new(CatalogActions.EcsForceNewDeployment, "replace the tasks of an ECS service (recycles leaked connections, memory, stuck workers)", ["cluster", "service"]),
        new(CatalogActions.AutoScalingSetDesiredCapacity, "set an Auto Scaling group's desired capacity (scale out under load)", ["autoScalingGroupName", "desiredCapacity"]),
        new(CatalogActions.Ec2RebootInstances, "reboot EC2 instances", ["instanceIds"]),
        new(CatalogActions.SsmStartAutomation, "start an allow-listed SSM Automation runbook", ["documentName", "instanceId"]),
        new(CatalogActions.SsmSendCommand, "run an allow-listed SSM document on instances", ["documentName", "instanceIds"]),
        new(CatalogActions.LambdaInvoke, "invoke an allow-listed Lambda function", ["functionName"]),
        new(CatalogActions.HttpWebhook, "call a configured webhook by name", ["webhook"]),
        new(CatalogActions.PagerDutyNote, "add a note to the PagerDuty incident", ["note"]),
        new(CatalogActions.PagerDutyResolve, "resolve the PagerDuty incident", []),
    ];

    /// <summary>True for an id of the catalog (exact, case-sensitive).</summary>
    public static bool IsCatalogAction(string? actionId) => actionId is not null && CatalogActions.All.Contains(actionId);
}
