namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Retries briefly: the caller is waiting for the answer.</summary>
internal sealed class DecideRemediationConsumerDefinition() : RetryingConsumerDefinition<DecideRemediationConsumer>(100, 500, 1000);
