using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog.Schemas;
using IncidentPlatform.Remediation.Executors;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// SSM <c>StartAutomationExecution</c> (JSON 1.1). Its <c>ClientToken</c> is derived from the remediation id, so a
/// call sent again after a lost answer starts nothing new.
/// </summary>
internal sealed class SsmStartAutomationExecutor(AwsClient client) : AwsActionExecutor(client)
{
    /// <inheritdoc />
    public override string ActionId => CatalogActions.SsmStartAutomation;

    /// <summary>The idempotency token of a remediation (a UUID, as SSM requires).</summary>
    public static string ClientToken(string remediationId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(remediationId))[..16]).ToString();

    /// <inheritdoc />
    protected override AwsRequest Build(ActionRun run) =>
        AwsRequest.Json11("ssm", "AmazonSSM.StartAutomationExecution", JsonBody.Object(json =>
        {
            json.WriteString("DocumentName", run.Parameter("document"));
            if (run.Parameter("documentVersion") is { } version)
            {
                json.WriteString("DocumentVersion", version);
            }

            if (run.Parameter("parameters") is { } parameters)
            {
                json.WritePropertyName("Parameters");
                SsmParameters.Write(json, parameters);
            }

            json.WriteString("ClientToken", ClientToken(run.Remediation.Id));
        }));

    /// <inheritdoc />
    protected override ActionOutcome Interpret(AwsResponse response, string request) => ActionOutcome.Succeeded(request,
        $"automation execution {JsonBody.Read(response.Body, "AutomationExecutionId") ?? "?"}");
}
