using System.Xml.Linq;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog;
using IncidentPlatform.Remediation.Executors;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>EC2 <c>RebootInstances</c> (Query protocol, version 2016-11-15).</summary>
internal sealed class Ec2RebootInstancesExecutor(AwsClient client) : AwsActionExecutor(client)
{
    /// <inheritdoc />
    public override string ActionId => CatalogActions.Ec2RebootInstances;

    /// <inheritdoc />
    protected override AwsRequest Build(ActionRun run) => AwsRequest.Query(
        "ec2", "RebootInstances", "2016-11-15",
        ActionSchema.Items(run.Parameter("instanceIds")!)
            .Select((id, i) => new KeyValuePair<string, string>($"InstanceId.{i + 1}", id)),
        idempotent: false);

    /// <inheritdoc />
    protected override ActionOutcome Interpret(AwsResponse response, string request)
    {
        var document = XDocument.Parse(response.Body);
        var value = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "return")?.Value;
        var requestId = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "requestId")?.Value;
        return value == "true"
            ? ActionOutcome.Succeeded(request, $"reboot requested (request {requestId})")
            : ActionOutcome.Failed(request, $"EC2 answered return={value ?? "nothing"}", response.Body);
    }
}
