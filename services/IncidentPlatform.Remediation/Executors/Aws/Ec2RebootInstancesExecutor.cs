using Amazon.EC2.Model;
using Amazon.EC2.Model.Internal.MarshallTransformations;
using Amazon.Runtime.Internal;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>EC2 <c>RebootInstances</c> through the AWS SDK's EC2 client (Query protocol, version 2016-11-15).</summary>
internal sealed class Ec2RebootInstancesExecutor(AwsServiceClients aws)
    : AwsSdkActionExecutor<RebootInstancesRequest, RebootInstancesResponse>(aws, "ec2")
{
    /// <inheritdoc />
    public override string ActionId => CatalogActions.Ec2RebootInstances;

    /// <inheritdoc />
    protected override RebootInstancesRequest Build(ActionRun run) =>
        new() { InstanceIds = [.. ActionSchema.Items(run.Parameter("instanceIds")!)] };

    /// <inheritdoc />
    protected override IRequest Marshall(RebootInstancesRequest request) => RebootInstancesRequestMarshaller.Instance.Marshall(request);

    /// <inheritdoc />
    protected override Task<RebootInstancesResponse> SendAsync(RebootInstancesRequest request, CancellationToken cancellationToken) =>
        Aws.Ec2Async(Operation, (ec2, token) => ec2.RebootInstancesAsync(request, token), cancellationToken);

    /// <inheritdoc />
    protected override ActionOutcome Interpret(RebootInstancesResponse response, string request) =>
        ActionOutcome.Succeeded(request, $"reboot requested (request {response.ResponseMetadata?.RequestId})");
}
