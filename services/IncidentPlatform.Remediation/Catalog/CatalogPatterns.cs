using System.Text.RegularExpressions;

namespace IncidentPlatform.Remediation.Catalog;

/// <summary>The shapes of the identifiers the catalog accepts (AWS names and ids, PagerDuty ids).</summary>
internal static partial class CatalogPatterns
{
    /// <summary>A Lambda function name, partial or full ARN, with an optional version or alias.</summary>
    [GeneratedRegex(@"^(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:)?[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]{1,128}))?$", RegexOptions.CultureInvariant)]
    public static partial Regex LambdaFunction();

    /// <summary>An SSM document name or ARN.</summary>
    [GeneratedRegex(@"^(arn:aws[a-z-]*:ssm:[a-z0-9-]*:\d{0,12}:document/)?[A-Za-z0-9_.-]{3,128}$", RegexOptions.CultureInvariant)]
    public static partial Regex SsmDocument();

    /// <summary>An SSM document version.</summary>
    [GeneratedRegex(@"^(\$DEFAULT|\$LATEST|[0-9]{1,8})$", RegexOptions.CultureInvariant)]
    public static partial Regex SsmDocumentVersion();

    /// <summary>An EC2 instance id.</summary>
    [GeneratedRegex("^i-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    public static partial Regex Ec2Instance();

    /// <summary>A managed node id (EC2 instance or hybrid managed instance).</summary>
    [GeneratedRegex("^(i|mi)-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    public static partial Regex ManagedNode();

    /// <summary>An Auto Scaling group name (a safe subset of what AWS accepts).</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.:/@ -]{0,254}$", RegexOptions.CultureInvariant)]
    public static partial Regex AutoScalingGroup();

    /// <summary>An ECS cluster or service name or ARN.</summary>
    [GeneratedRegex("^(arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:(cluster|service)/)?[A-Za-z0-9_/-]{1,255}$", RegexOptions.CultureInvariant)]
    public static partial Regex EcsName();

    /// <summary>A PagerDuty object id.</summary>
    [GeneratedRegex("^[A-Z0-9]{2,32}$", RegexOptions.CultureInvariant)]
    public static partial Regex PagerDutyId();

    /// <summary><c>true</c> or <c>false</c>.</summary>
    [GeneratedRegex("^(true|false)$", RegexOptions.CultureInvariant)]
    public static partial Regex Boolean();

    /// <summary>A Lambda invocation type we allow.</summary>
    [GeneratedRegex("^(RequestResponse|Event)$", RegexOptions.CultureInvariant)]
    public static partial Regex InvocationType();
}
