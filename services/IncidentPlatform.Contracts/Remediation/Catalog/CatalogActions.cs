namespace IncidentPlatform.Contracts;

/// <summary>
/// The ids of the remediation catalog: the only actions a policy can run and an analysis can recommend. Each one's
/// parameters are in <see cref="ActionCatalog"/>.
/// </summary>
public static class CatalogActions
{
    /// <summary>Invoke an AWS Lambda function.</summary>
    public const string LambdaInvoke = "aws.lambda.invoke";

    /// <summary>Start an SSM Automation runbook.</summary>
    public const string SsmStartAutomation = "aws.ssm.start-automation";

    /// <summary>Run an allow-listed SSM document on instances (Run Command).</summary>
    public const string SsmSendCommand = "aws.ssm.send-command";

    /// <summary>Set an Auto Scaling group's desired capacity within bounds.</summary>
    public const string AutoScalingSetDesiredCapacity = "aws.autoscaling.set-desired-capacity";

    /// <summary>Force a new deployment of an ECS service (replaces its tasks).</summary>
    public const string EcsForceNewDeployment = "aws.ecs.force-new-deployment";

    /// <summary>Reboot EC2 instances.</summary>
    public const string Ec2RebootInstances = "aws.ec2.reboot-instances";

    /// <summary>Call a webhook with an HMAC-signed body.</summary>
    public const string HttpWebhook = "http.webhook";

    /// <summary>Resolve the PagerDuty incident.</summary>
    public const string PagerDutyResolve = "pagerduty.resolve";

    /// <summary>Add a note to the PagerDuty incident.</summary>
    public const string PagerDutyNote = "pagerduty.note";

    /// <summary>Every catalog action id.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        LambdaInvoke, SsmStartAutomation, SsmSendCommand, AutoScalingSetDesiredCapacity, EcsForceNewDeployment,
        Ec2RebootInstances, HttpWebhook, PagerDutyResolve, PagerDutyNote,
    ];
}
