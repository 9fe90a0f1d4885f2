using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Workflow;
using MassTransit;

namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Proposes the remediations the policy allows for an analyzed incident.</summary>
internal sealed class IncidentAnalyzedConsumer(ProposalService proposals) : IConsumer<IncidentAnalyzed>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<IncidentAnalyzed> context) =>
        proposals.ProposeAsync(context.Message, context, context.CancellationToken);
}
