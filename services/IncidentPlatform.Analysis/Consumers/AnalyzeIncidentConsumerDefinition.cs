namespace IncidentPlatform.Analysis.Consumers;

/// <summary>The endpoint settings of <see cref="AnalyzeIncidentConsumer"/>.</summary>
internal sealed class AnalyzeIncidentConsumerDefinition : AnalysisConsumerDefinition<AnalyzeIncidentConsumer>;
