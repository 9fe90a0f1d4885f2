namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Retries briefly: the caller is waiting for the answer.</summary>
internal sealed class GetRemediationPolicyConsumerDefinition() : RetryingConsumerDefinition<GetRemediationPolicyConsumer>(100, 500);
