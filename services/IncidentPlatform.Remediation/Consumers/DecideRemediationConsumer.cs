using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Workflow;
using MassTransit;

namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Answers approve/reject requests (from the gateway's REST API, MCP tools and Slack buttons).</summary>
internal sealed class DecideRemediationConsumer(ApprovalService approvals) : IConsumer<DecideRemediation>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<DecideRemediation> context) =>
        await context.RespondAsync(await approvals.DecideAsync(context.Message, context, context.CancellationToken));
}
