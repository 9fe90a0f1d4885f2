using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Signals;

namespace IncidentPlatform.Detector.Anomalies;

/// <summary>
/// Builds the signal of an anomaly finding: source <c>logs</c>, a fingerprint stable per service and template (so
/// every signal of one template groups into one incident), an id per template, kind and bucket (so judging the same
/// bucket again raises the same alert), the evidence, and the source's labels.
/// </summary>
internal static class AnomalySignals
{
    public const string Source = "logs";

    public static DetectorSignal Create(IReadOnlyDictionary<string, string> sourceLabels, AnomalyFinding finding)
    {
        var series = finding.Series;
        var template = Readable(series.Template);
        var minutes = (finding.WindowEnd - finding.WindowStart).TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        var baseline = finding.Baseline.Baseline?.ToString("0.#", CultureInfo.InvariantCulture);
        var (title, why) = finding.Kind switch
        {
            SignalKind.Threshold => (
                $"{series.Service}: {finding.Count} × {template} in {minutes} min",
                $"{finding.Count} records in {minutes} min reached the threshold {finding.Threshold!.Count} ('{finding.Threshold.Name}')."),
            SignalKind.NewTemplate => (
                $"{series.Service}: new error — {template}",
                $"An error never seen before appeared: {finding.Count} records in {minutes} min."),
            _ => (
                $"{series.Service}: {finding.Count} × {template} in {minutes} min (usually {baseline})",
                $"{finding.Count} records in {minutes} min, against a baseline of {baseline} " +
                $"(spread {finding.Baseline.Spread?.ToString("0.#", CultureInfo.InvariantCulture)})."),
        };

        var sample = finding.Samples.Count > 0 ? $"\nSample:\n{finding.Samples[0]}" : "";
        return new DetectorSignal
        {
            Source = Source,
            Service = series.Service,
            Severity = finding.Severity,
            Title = title,
            Message = $"{why}\nTemplate {series.TemplateId}: {series.Template}{sample}",
            Evidence = new SignalEvidence
            {
                Kind = finding.Kind,
                Rule = finding.Threshold?.Name,
                TemplateId = series.TemplateId,
                Template = series.Template,
                Count = finding.Count,
                Baseline = finding.Baseline.Baseline,
                Spread = finding.Baseline.Spread,
                Threshold = finding.Threshold?.Count,
                WindowStart = finding.WindowStart,
                WindowEnd = finding.WindowEnd,
                SampleLines = finding.Samples,
            },
            FingerprintKey = $"{Source}\n{series.Service}\n{series.TemplateId}",
            IdKey = $"{Source}\n{finding.SourceId}\n{series.Service}\n{series.TemplateId}\n{finding.Kind}\n{finding.WindowStart:O}",
            Labels = new Dictionary<string, string>(sourceLabels)
            {
                ["templateId"] = series.TemplateId,
                ["logSource"] = finding.SourceId,
                ["level"] = series.Level.ToString(),
            },
        };
    }

    // The timestamp placeholder most lines start with says nothing in a title.
    private static string Readable(string template) =>
        template.StartsWith("<TS> ", StringComparison.Ordinal) ? template[5..] : template;
}
