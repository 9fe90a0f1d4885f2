using System.Text;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>Lambda <c>Invoke</c> (REST-JSON): <c>POST /2015-03-31/functions/{FunctionName}/invocations</c>.</summary>
internal sealed class LambdaInvokeExecutor(AwsClient client) : AwsActionExecutor(client)
{
    /// <inheritdoc />
    public override string ActionId => CatalogActions.LambdaInvoke;

    /// <inheritdoc />
    protected override AwsRequest Build(ActionRun run) => new(
        "lambda", "Invoke", "POST", "/2015-03-31/functions/{FunctionName}/invocations",
        new Dictionary<string, string> { ["{FunctionName}"] = run.Parameter("function")! },
        new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["X-Amz-Invocation-Type"] = run.Parameter("invocationType") ?? "RequestResponse",
        },
        Encoding.UTF8.GetBytes(run.Parameter("payload") ?? "{}"), Idempotent: false);

    /// <inheritdoc />
    protected override ActionOutcome Interpret(AwsResponse response, string request)
    {
        // The status says the invocation happened; a function that threw says so in X-Amz-Function-Error.
        var version = response.Header("X-Amz-Executed-Version");
        var output = $"status {response.Status}" + (version is null ? "" : $", version {version}") +
                     (response.Body.Length > 0 ? $": {response.Body}" : "");
        return response.Header("X-Amz-Function-Error") is { } functionError
            ? ActionOutcome.Failed(request, $"the function failed ({functionError})", output)
            : ActionOutcome.Succeeded(request, output);
    }
}
