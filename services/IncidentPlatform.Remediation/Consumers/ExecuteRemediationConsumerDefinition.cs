namespace IncidentPlatform.Remediation.Consumers;

/// <summary>
/// Retries failures before the claim (store unreachable). After the claim a retry finds the remediation Executing and
/// does nothing: an action is never sent twice; the sweeper records an interrupted run as failed.
/// </summary>
internal sealed class ExecuteRemediationConsumerDefinition() : RetryingConsumerDefinition<ExecuteRemediationConsumer>(200, 1000, 5000);
