using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// An action that is one call through an AWS SDK client: build the SDK request, record it as the SDK's marshaller
/// writes it, and (unless dry-run) send it and read the answer.
/// </summary>
internal abstract class AwsSdkActionExecutor<TRequest, TResponse>(AwsServiceClients aws, string service) : IActionExecutor
    where TRequest : AmazonWebServiceRequest
{
    /// <inheritdoc />
    public abstract string ActionId { get; }

    /// <summary>The clients.</summary>
    protected AwsServiceClients Aws { get; } = aws;

    /// <summary>The operation's name (the request type's, without <c>Request</c>).</summary>
    protected static string Operation { get; } = typeof(TRequest).Name[..^"Request".Length];

    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(ActionRun run, CancellationToken cancellationToken)
    {
        var request = Build(run);
        var record = Aws.Describe(service, Marshall(request));
        if (run.DryRun)
        {
            return ActionOutcome.Recorded(record);
        }

        try
        {
            return Interpret(await SendAsync(request, cancellationToken), record);
        }
        catch (AwsCallException e)
        {
            return ActionOutcome.Failed(record, e.Message);
        }
    }

    /// <summary>The request for the run's parameters.</summary>
    protected abstract TRequest Build(ActionRun run);

    /// <summary>The request in its wire form, by the SDK's marshaller for it.</summary>
    protected abstract IRequest Marshall(TRequest request);

    /// <summary>Sends the request through the client.</summary>
    protected abstract Task<TResponse> SendAsync(TRequest request, CancellationToken cancellationToken);

    /// <summary>The outcome of a successful answer.</summary>
    protected abstract ActionOutcome Interpret(TResponse response, string request);
}
