using IncidentPlatform.Gateway.Auth;
using MassTransit;
using ModelContextProtocol;

namespace IncidentPlatform.Gateway.Mcp.Resources;

/// <summary>
/// <c>policy://current</c>: the remediation policy in force (YAML), asked of the remediation service
/// (<see cref="GetRemediationPolicy"/>), with its version (content hash), source and load time in a header comment.
/// </summary>
[McpServerResourceType]
internal sealed class PolicyResource(IRequestClient<GetRemediationPolicy> remediation, TimeProvider time)
{
    public const string Uri = "policy://current";

    [McpServerResource(UriTemplate = Uri, Name = "remediation-policy", Title = "Remediation policy", MimeType = "application/yaml")]
    [Description("The remediation policy in force: catalog actions, bounds, approvals (YAML).")]
    public async Task<string> ReadAsync(ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var caller = McpCaller.Require(user, Scopes.Read);
        var snapshot = await BusRequests.TrySendAsync<GetRemediationPolicy, RemediationPolicySnapshot>(remediation,
            new GetRemediationPolicy { OccurredAt = time.GetUtcNow(), RequestedBy = caller.Actor() }, cancellationToken, TimeSpan.FromSeconds(10))
            ?? throw new McpProtocolException("The remediation service did not answer; the policy is unavailable now.", McpErrorCode.InternalError);
        if (!snapshot.Loaded)
        {
            throw new McpProtocolException(
                $"No remediation policy is loaded{(snapshot.Errors.Count > 0 ? ": " + string.Join("; ", snapshot.Errors) : ".")}",
                McpErrorCode.InvalidParams);
        }

        return $"# version: {snapshot.Version}\n# source: {snapshot.Source ?? "(unknown)"}\n# loaded: {snapshot.LoadedAt:O}\n{snapshot.Content}";
    }
}
