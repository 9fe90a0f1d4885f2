namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Retries briefly: the caller is waiting for the answer.</summary>
internal sealed class VerifyAuditTrailConsumerDefinition() : RetryingConsumerDefinition<VerifyAuditTrailConsumer>(100, 500);
