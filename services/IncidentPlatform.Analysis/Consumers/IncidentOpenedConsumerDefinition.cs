namespace IncidentPlatform.Analysis.Consumers;

/// <summary>The endpoint settings of <see cref="IncidentOpenedConsumer"/>.</summary>
internal sealed class IncidentOpenedConsumerDefinition : AnalysisConsumerDefinition<IncidentOpenedConsumer>;
