using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Executors;
using MassTransit;

namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Runs an approved remediation; the executor's claim makes every delivery after the first a no-op.</summary>
internal sealed class ExecuteRemediationConsumer(RemediationExecutor executor) : IConsumer<ExecuteRemediation>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<ExecuteRemediation> context) =>
        executor.ExecuteAsync(context.Message.RemediationId, context, context.CancellationToken);
}
