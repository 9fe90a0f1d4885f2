using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Audit;
using MassTransit;

namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Answers audit chain checks (the gateway's <c>GET /api/incidents/{id}/audit/verify</c>).</summary>
internal sealed class VerifyAuditTrailConsumer(AuditVerifier verifier) : IConsumer<VerifyAuditTrail>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<VerifyAuditTrail> context) =>
        await context.RespondAsync(await verifier.VerifyAsync(context.Message.IncidentId, context.CancellationToken));
}
