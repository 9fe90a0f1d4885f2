namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Retries a failed proposal run (store or broker hiccups); the proposal ids make a repeat harmless.</summary>
internal sealed class IncidentAnalyzedConsumerDefinition() : RetryingConsumerDefinition<IncidentAnalyzedConsumer>(200, 1000, 5000, 15000);
