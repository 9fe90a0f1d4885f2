
namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>An action that is one signed AWS HTTP call: build it, record it, and (unless dry-run) send it and read the answer.</summary>
internal abstract class AwsActionExecutor(AwsClient client) : IActionExecutor
{
    /// <inheritdoc />
    public abstract string ActionId { get; }

    /// <summary>The client.</summary>
    protected AwsClient Client { get; } = client;

    /// <inheritdoc />
    public virtual async Task<ActionOutcome> ExecuteAsync(ActionRun run, CancellationToken cancellationToken)
    {
        var call = Build(run);
        string request;
        try
        {
            request = Client.Describe(call);
        }
        catch (AwsCallException e)
        {
            return ActionOutcome.Failed(null, e.Message);
        }

        if (run.DryRun)
        {
            return ActionOutcome.Recorded(request);
        }

        try
        {
            return Interpret(await Client.SendAsync(call, cancellationToken), request);
        }
        catch (AwsCallException e)
        {
            return ActionOutcome.Failed(request, e.Message);
        }
        catch (System.Xml.XmlException e)
        {
            return ActionOutcome.Failed(request, $"the answer could not be read: {e.Message}");
        }
    }

    /// <summary>The call for the run's parameters.</summary>
    protected abstract AwsRequest Build(ActionRun run);

    /// <summary>The outcome of a successful answer.</summary>
    protected abstract ActionOutcome Interpret(AwsResponse response, string request);
}
