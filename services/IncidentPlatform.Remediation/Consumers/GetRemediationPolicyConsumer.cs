using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Policies;
using MassTransit;

namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Answers the gateway's <c>policy://current</c> MCP resource: the policy in force, its version and text.</summary>
internal sealed class GetRemediationPolicyConsumer(PolicyProvider policies) : IConsumer<GetRemediationPolicy>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<GetRemediationPolicy> context)
    {
        var status = policies.Status;
        await context.RespondAsync(new RemediationPolicySnapshot
        {
            Loaded = status.LoadedAt is not null,
            Version = status.Policy.Version,
            Source = policies.Path,
            Content = status.Content,
            LoadedAt = status.LoadedAt,
            Errors = status.Errors,
        });
    }
}
