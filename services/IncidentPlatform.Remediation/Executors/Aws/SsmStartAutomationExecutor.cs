using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal;
using Amazon.SimpleSystemsManagement.Model;
using Amazon.SimpleSystemsManagement.Model.Internal.MarshallTransformations;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog.Schemas;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// SSM <c>StartAutomationExecution</c> through the AWS SDK's SSM client. Its <c>ClientToken</c> is derived from the
/// remediation id, so a call sent again after a lost answer starts nothing new.
/// </summary>
internal sealed class SsmStartAutomationExecutor(AwsServiceClients aws)
    : AwsSdkActionExecutor<StartAutomationExecutionRequest, StartAutomationExecutionResponse>(aws, "ssm")
{
    /// <inheritdoc />
    public override string ActionId => CatalogActions.SsmStartAutomation;

    /// <summary>The idempotency token of a remediation (a UUID, as SSM requires).</summary>
    public static string ClientToken(string remediationId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(remediationId))[..16]).ToString();

    /// <inheritdoc />
    protected override StartAutomationExecutionRequest Build(ActionRun run) => new()
    {
        DocumentName = run.Parameter("document"),
        DocumentVersion = run.Parameter("documentVersion"),
        Parameters = run.Parameter("parameters") is { } parameters ? SsmParameters.Read(parameters) : null,
        ClientToken = ClientToken(run.Remediation.Id),
    };

    /// <inheritdoc />
    protected override IRequest Marshall(StartAutomationExecutionRequest request) =>
        StartAutomationExecutionRequestMarshaller.Instance.Marshall(request);

    /// <inheritdoc />
    protected override Task<StartAutomationExecutionResponse> SendAsync(
        StartAutomationExecutionRequest request, CancellationToken cancellationToken) =>
        Aws.SsmAsync(Operation, (ssm, token) => ssm.StartAutomationExecutionAsync(request, token), cancellationToken);

    /// <inheritdoc />
    protected override ActionOutcome Interpret(StartAutomationExecutionResponse response, string request) =>
        ActionOutcome.Succeeded(request, $"automation execution {response.AutomationExecutionId ?? "?"}");
}
