using System.Globalization;
using System.Text.Json;
using Amazon.Runtime.Internal;
using Amazon.SimpleSystemsManagement.Model;
using Amazon.SimpleSystemsManagement.Model.Internal.MarshallTransformations;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog;
using IncidentPlatform.Remediation.Catalog.Schemas;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>SSM <c>SendCommand</c> through the AWS SDK's SSM client (JSON 1.1, <c>X-Amz-Target: AmazonSSM.SendCommand</c>).</summary>
internal sealed class SsmSendCommandExecutor(AwsServiceClients aws)
    : AwsSdkActionExecutor<SendCommandRequest, SendCommandResponse>(aws, "ssm")
{
    /// <inheritdoc />
    public override string ActionId => CatalogActions.SsmSendCommand;

    /// <inheritdoc />
    protected override SendCommandRequest Build(ActionRun run) => new()
    {
        DocumentName = run.Parameter("document"),
        InstanceIds = run.Parameter("instanceIds") is { } ids ? [.. ActionSchema.Items(ids)] : null,
        Targets = run.Parameter("targets") is { } targets ? Targets(targets) : null,
        Parameters = run.Parameter("parameters") is { } parameters ? SsmParameters.Read(parameters) : null,
        Comment = run.Parameter("comment"),
        TimeoutSeconds = run.Parameter("timeoutSeconds") is { } timeout ? int.Parse(timeout, CultureInfo.InvariantCulture) : null,
    };

    /// <inheritdoc />
    protected override IRequest Marshall(SendCommandRequest request) => SendCommandRequestMarshaller.Instance.Marshall(request);

    /// <inheritdoc />
    protected override Task<SendCommandResponse> SendAsync(SendCommandRequest request, CancellationToken cancellationToken) =>
        Aws.SsmAsync(Operation, (ssm, token) => ssm.SendCommandAsync(request, token), cancellationToken);

    /// <inheritdoc />
    protected override ActionOutcome Interpret(SendCommandResponse response, string request) => ActionOutcome.Succeeded(request,
        $"command {response.Command?.CommandId ?? "?"} status {response.Command?.Status?.Value ?? "?"}");

    // The schema checked the shape: a list of {"Key": "…", "Values": ["…"]}.
    private static List<Target> Targets(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(t => new Target
        {
            Key = t.GetProperty("Key").GetString(),
            Values = [.. t.GetProperty("Values").EnumerateArray().Select(v => v.GetString()!)],
        })];
    }
}
