using IncidentPlatform.Remediation.Catalog.Schemas;

namespace IncidentPlatform.Remediation.Catalog;

/// <summary>The schema of every catalog action, by id.</summary>
internal static class ActionSchemas
{
    /// <summary>Every schema, by catalog id.</summary>
    public static readonly IReadOnlyDictionary<string, ActionSchema> ById = new ActionSchema[]
    {
        new LambdaInvokeSchema(), new SsmStartAutomationSchema(), new SsmSendCommandSchema(),
        new AutoScalingSetDesiredCapacitySchema(), new EcsForceNewDeploymentSchema(), new Ec2RebootInstancesSchema(),
        new WebhookSchema(), new PagerDutyResolveSchema(), new PagerDutyNoteSchema(),
    }.ToDictionary(s => s.Id, StringComparer.Ordinal);
}
