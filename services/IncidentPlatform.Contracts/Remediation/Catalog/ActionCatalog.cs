using static IncidentPlatform.Contracts.CatalogParameterType;
using P = IncidentPlatform.Contracts.CatalogParameters;

namespace IncidentPlatform.Contracts;

/// <summary>
/// The remediation catalog, defined once: every action a policy can run and an analysis can recommend, with its
/// parameters' names, types and descriptions. The analysis prompt, the offline analyzer, the remediation service's
/// schemas (which add each parameter's patterns and limits, and the policy's bounds) and the MCP tool descriptions are
/// all built from it.
/// </summary>
public static class ActionCatalog
{
    /// <summary>Every action, in a fixed order.</summary>
    public static IReadOnlyList<CatalogAction> Actions { get; } =
    [
        new(CatalogActions.EcsForceNewDeployment, "replace the tasks of an ECS service (recycles leaked connections, memory, stuck workers)",
        [
            new(P.Cluster, Identifier, true, "ECS cluster name or ARN"),
            new(P.Service, Identifier, true, "ECS service name or ARN"),
        ]),
        new(CatalogActions.AutoScalingSetDesiredCapacity, "set an Auto Scaling group's desired capacity (scale out under load)",
        [
            new(P.Group, Identifier, true, "Auto Scaling group name"),
            new(P.Desired, Integer, true, "the new desired capacity"),
            new(P.HonorCooldown, Identifier, false, "wait for the group's cooldown: true (default) or false"),
        ]),
        new(CatalogActions.Ec2RebootInstances, "reboot EC2 instances",
        [
            new(P.InstanceIds, List, true, "comma-separated EC2 instance ids"),
        ]),
        new(CatalogActions.SsmStartAutomation, "start an allow-listed SSM Automation runbook (e.g. a disk clean-up)",
        [
            new(P.Document, Identifier, true, "Automation runbook name or ARN"),
            new(P.DocumentVersion, Identifier, false, "$DEFAULT, $LATEST or a number"),
            new(P.DocumentParameters, Json, false, "runbook parameters: an object of strings or lists of strings"),
        ]),
        new(CatalogActions.SsmSendCommand, "run an allow-listed SSM document on instances (Run Command)",
        [
            new(P.Document, Identifier, true, "SSM document name or ARN"),
            new(P.InstanceIds, List, false, "comma-separated managed node ids"),
            new(P.Targets, Json, false, "[{\"Key\":\"tag:Name\",\"Values\":[\"web\"]}]"),
            new(P.DocumentParameters, Json, false, "document parameters: an object of strings or lists of strings"),
            new(P.Comment, Text, false, "a comment"),
            new(P.TimeoutSeconds, Integer, false, "seconds before the command fails to start"),
        ]),
        new(CatalogActions.LambdaInvoke, "invoke an allow-listed Lambda function",
        [
            new(P.Function, Identifier, true, "function name or ARN"),
            new(P.Payload, Json, false, "the JSON event"),
            new(P.InvocationType, Identifier, false, "RequestResponse (default) or Event"),
        ]),
        new(CatalogActions.HttpWebhook, "POST a JSON body, HMAC-signed, to an allow-listed URL",
        [
            new(P.Url, Url, true, "an absolute http(s) URL"),
            new(P.Body, Json, false, "the JSON body (default {})"),
        ]),
        new(CatalogActions.PagerDutyNote, "add a note to the PagerDuty incident",
        [
            new(P.Incident, Identifier, true, "the PagerDuty incident id"),
            new(P.Content, Text, true, "the note"),
        ]),
        new(CatalogActions.PagerDutyResolve, "resolve the PagerDuty incident",
        [
            new(P.Incident, Identifier, true, "the PagerDuty incident id"),
            new(P.Resolution, Text, false, "why it is resolved"),
        ]),
    ];

    /// <summary>Every action by id.</summary>
    public static IReadOnlyDictionary<string, CatalogAction> ById { get; } = Actions.ToDictionary(a => a.Id, StringComparer.Ordinal);
}
