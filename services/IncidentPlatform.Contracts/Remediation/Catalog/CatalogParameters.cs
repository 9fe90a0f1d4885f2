namespace IncidentPlatform.Contracts;

/// <summary>The parameter names of the catalog actions (<see cref="ActionCatalog"/>), as policies write them.</summary>
public static class CatalogParameters
{
    /// <summary>A Lambda function name or ARN.</summary>
    public const string Function = "function";

    /// <summary>A Lambda invocation's JSON event.</summary>
    public const string Payload = "payload";

    /// <summary>A Lambda invocation type.</summary>
    public const string InvocationType = "invocationType";

    /// <summary>An SSM document or Automation runbook name or ARN.</summary>
    public const string Document = "document";

    /// <summary>An SSM document version.</summary>
    public const string DocumentVersion = "documentVersion";

    /// <summary>SSM document or runbook parameters (JSON).</summary>
    public const string DocumentParameters = "parameters";

    /// <summary>EC2 instance or managed node ids, comma-separated.</summary>
    public const string InstanceIds = "instanceIds";

    /// <summary>SSM Run Command targets (JSON).</summary>
    public const string Targets = "targets";

    /// <summary>An SSM Run Command comment.</summary>
    public const string Comment = "comment";

    /// <summary>Seconds before an SSM command fails to start.</summary>
    public const string TimeoutSeconds = "timeoutSeconds";

    /// <summary>An Auto Scaling group name.</summary>
    public const string Group = "group";

    /// <summary>An Auto Scaling group's new desired capacity.</summary>
    public const string Desired = "desired";

    /// <summary>Whether to wait for the Auto Scaling group's cooldown.</summary>
    public const string HonorCooldown = "honorCooldown";

    /// <summary>An ECS cluster name or ARN.</summary>
    public const string Cluster = "cluster";

    /// <summary>An ECS service name or ARN.</summary>
    public const string Service = "service";

    /// <summary>A webhook URL.</summary>
    public const string Url = "url";

    /// <summary>A webhook's JSON body.</summary>
    public const string Body = "body";

    /// <summary>A PagerDuty incident id.</summary>
    public const string Incident = "incident";

    /// <summary>A PagerDuty note.</summary>
    public const string Content = "content";

    /// <summary>Why a PagerDuty incident is resolved.</summary>
    public const string Resolution = "resolution";
}
