namespace IncidentPlatform.Detector.Anomalies;

/// <summary>The anomaly options as they apply to one source: its warm-up and the thresholds that concern it.</summary>
internal sealed record AnomalySettings(AnomalyOptions Options, TimeSpan WarmUp, IReadOnlyList<TemplateThreshold> Thresholds)
{
    public static AnomalySettings For(string sourceId, AnomalyOptions options, TimeSpan? warmUp = null) => new(
        options,
        warmUp ?? options.WarmUp,
        [.. options.Thresholds
            .Where(t => string.IsNullOrWhiteSpace(t.Value.Source) ||
                        string.Equals(t.Value.Source, sourceId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TemplateThreshold(t.Key, t.Value))]);
}
