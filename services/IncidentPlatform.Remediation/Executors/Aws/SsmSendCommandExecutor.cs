using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog;
using IncidentPlatform.Remediation.Catalog.Schemas;
using IncidentPlatform.Remediation.Executors;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>SSM <c>SendCommand</c> (JSON 1.1, <c>X-Amz-Target: AmazonSSM.SendCommand</c>).</summary>
internal sealed class SsmSendCommandExecutor(AwsClient client) : AwsActionExecutor(client)
{
    /// <inheritdoc />
    public override string ActionId => CatalogActions.SsmSendCommand;

    /// <inheritdoc />
    protected override AwsRequest Build(ActionRun run) => AwsRequest.Json11("ssm", "AmazonSSM.SendCommand", JsonBody.Object(json =>
    {
        json.WriteString("DocumentName", run.Parameter("document"));
        if (run.Parameter("instanceIds") is { } ids)
        {
            json.WriteStartArray("InstanceIds");
            foreach (var id in ActionSchema.Items(ids))
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
        }

        if (run.Parameter("targets") is { } targets)
        {
            JsonBody.Raw(json, "Targets", targets);
        }

        if (run.Parameter("parameters") is { } parameters)
        {
            json.WritePropertyName("Parameters");
            SsmParameters.Write(json, parameters);
        }

        if (run.Parameter("comment") is { } comment)
        {
            json.WriteString("Comment", comment);
        }

        if (run.Parameter("timeoutSeconds") is { } timeout)
        {
            json.WriteNumber("TimeoutSeconds", int.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture));
        }
    }));

    /// <inheritdoc />
    protected override ActionOutcome Interpret(AwsResponse response, string request) => ActionOutcome.Succeeded(request,
        $"command {JsonBody.Read(response.Body, "Command", "CommandId") ?? "?"} " +
        $"status {JsonBody.Read(response.Body, "Command", "Status") ?? "?"}");
}
