using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Workflow;
using MassTransit;

namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Answers the gateway's <c>remediation_suggestions</c> tool: what the policy would allow, proposing nothing.</summary>
internal sealed class SuggestRemediationsConsumer(SuggestionService suggestions) : IConsumer<SuggestRemediations>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<SuggestRemediations> context) =>
        await context.RespondAsync(await suggestions.SuggestAsync(context.Message.IncidentId, context.CancellationToken));
}
