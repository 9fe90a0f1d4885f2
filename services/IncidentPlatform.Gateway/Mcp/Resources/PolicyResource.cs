using IncidentPlatform.Contracts;
using MassTransit;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Resources;

/// <summary>
/// <c>policy://current</c>: the remediation policy in force (YAML), asked of the remediation service
/// (<see cref="GetRemediationPolicy"/>), with its version (content hash) in the resource's metadata.
/// </summary>
internal sealed class PolicyResource : IMcpResource
{
    public const string Uri = "policy://current";

    public ResourceTemplate Template { get; } = new()
    {
        UriTemplate = Uri, Name = "remediation-policy", Title = "Remediation policy",
        Description = "The remediation policy in force: catalog actions, bounds, approvals (YAML).", MimeType = "application/yaml",
    };

    public IReadOnlyDictionary<string, string>? Match(string uri) =>
        uri == Uri ? new Dictionary<string, string>() : null;

    public async Task<ReadResourceResult> ReadAsync(ResourceRead read, CancellationToken cancellationToken)
    {
        var snapshot = await BusRequests.TrySendAsync<GetRemediationPolicy, RemediationPolicySnapshot>(
            read.Services.GetRequiredService<IRequestClient<GetRemediationPolicy>>(),
            new GetRemediationPolicy
            {
                OccurredAt = read.Services.GetRequiredService<TimeProvider>().GetUtcNow(), RequestedBy = read.User.Identity?.Name ?? "mcp",
            }, cancellationToken, TimeSpan.FromSeconds(10))
            ?? throw new McpProtocolException("The remediation service did not answer; the policy is unavailable now.", McpErrorCode.InternalError);
        if (!snapshot.Loaded)
        {
            throw new McpProtocolException(
                $"No remediation policy is loaded{(snapshot.Errors.Count > 0 ? ": " + string.Join("; ", snapshot.Errors) : ".")}",
                McpErrorCode.InvalidParams);
        }

        var header = $"# version: {snapshot.Version}\n# source: {snapshot.Source ?? "(unknown)"}\n# loaded: {snapshot.LoadedAt:O}\n";
        return new ReadResourceResult
        {
            Contents = [new TextResourceContents { Uri = Uri, MimeType = "application/yaml", Text = header + snapshot.Content }],
        };
    }
}
