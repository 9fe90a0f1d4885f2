using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>ECS <c>UpdateService</c> with <c>forceNewDeployment: true</c> (JSON 1.1).</summary>
internal sealed class EcsForceNewDeploymentExecutor(AwsClient client) : AwsActionExecutor(client)
{
    /// <inheritdoc />
    public override string ActionId => CatalogActions.EcsForceNewDeployment;

    /// <inheritdoc />
    protected override AwsRequest Build(ActionRun run) =>
        AwsRequest.Json11("ecs", "AmazonEC2ContainerServiceV20141113.UpdateService", JsonBody.Object(json =>
        {
            json.WriteString("cluster", run.Parameter("cluster"));
            json.WriteString("service", run.Parameter("service"));
            json.WriteBoolean("forceNewDeployment", true);
        }));

    /// <inheritdoc />
    protected override ActionOutcome Interpret(AwsResponse response, string request) => ActionOutcome.Succeeded(request,
        $"service {JsonBody.Read(response.Body, "service", "serviceArn") ?? "?"} " +
        $"status {JsonBody.Read(response.Body, "service", "status") ?? "?"}, new deployment started");
}
