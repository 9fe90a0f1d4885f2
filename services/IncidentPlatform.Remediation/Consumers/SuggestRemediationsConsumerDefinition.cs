namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Retries briefly: the caller is waiting for the answer.</summary>
internal sealed class SuggestRemediationsConsumerDefinition() : RetryingConsumerDefinition<SuggestRemediationsConsumer>(100, 500);
