using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Workflow;
using MassTransit;

namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Answers a person's resolution of an interrupted remediation (from the gateway's REST API, MCP tool and UI).</summary>
internal sealed class ResolveRemediationConsumer(InterruptionService interruptions) : IConsumer<ResolveRemediation>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<ResolveRemediation> context) =>
        await context.RespondAsync(await interruptions.ResolveAsync(context.Message, context, context.CancellationToken));
}

/// <summary>Retries briefly: the caller is waiting for the answer.</summary>
internal sealed class ResolveRemediationConsumerDefinition() : RetryingConsumerDefinition<ResolveRemediationConsumer>(100, 500, 1000);
