namespace IncidentPlatform.Detector.Anomalies;

/// <summary>
/// The anomaly options as they apply to one source: its warm-up, the thresholds that concern it, and the labels its
/// signals carry.
/// </summary>
internal sealed record AnomalySettings(AnomalyOptions Options, TimeSpan WarmUp, IReadOnlyList<TemplateThreshold> Thresholds)
{
    /// <summary>The source's labels (<see cref="Files.FileSourceOptions.Labels"/>), on every signal it raises.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public static AnomalySettings For(
        string sourceId, AnomalyOptions options, TimeSpan? warmUp = null, IReadOnlyDictionary<string, string>? labels = null) => new(
        options,
        warmUp ?? options.WarmUp,
        [.. options.Thresholds
            .Where(t => string.IsNullOrWhiteSpace(t.Value.Source) ||
                        string.Equals(t.Value.Source, sourceId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TemplateThreshold(t.Key, t.Value))])
    {
        Labels = labels ?? new Dictionary<string, string>(),
    };
}
