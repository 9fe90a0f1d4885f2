namespace IncidentPlatform.Analysis.Consumers;

/// <summary>The endpoint settings of <see cref="IncidentUpdatedConsumer"/>.</summary>
internal sealed class IncidentUpdatedConsumerDefinition : AnalysisConsumerDefinition<IncidentUpdatedConsumer>;
