using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Tests.Infrastructure;

/// <summary>Incidents and analyses for tests; each call builds fresh data with unique ids.</summary>
internal static class TestData
{
    /// <summary>A Wednesday, 10:00 UTC: the tests' "now".</summary>
    public static DateTimeOffset Wednesday10 { get; } = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public static Incident Incident(
        string? service = "checkout", Severity severity = Severity.High, string source = "cloudwatch",
        IReadOnlyDictionary<string, string>? labels = null, DateTimeOffset? at = null)
    {
        var now = at ?? TestData.Wednesday10;
        return new Incident
        {
            Id = $"inc-{Guid.NewGuid():N}"[..24],
            Fingerprint = Guid.NewGuid().ToString("N"),
            Title = "CPU above 95% on checkout",
            Service = service,
            Severity = severity,
            Status = IncidentStatus.Open,
            Source = source,
            Labels = labels ?? new Dictionary<string, string>(),
            CreatedAt = now,
            UpdatedAt = now,
            FirstAlertAt = now,
            LastAlertAt = now,
            AlertCount = 1,
            Version = 1,
        };
    }

    public static IncidentAnalysis Analysis(
        string category = AnalysisCategories.ResourceSaturation, Severity severity = Severity.High,
        IReadOnlyList<RecommendedAction>? recommended = null, DateTimeOffset? at = null) => new()
    {
        Category = category,
        Hypotheses = [new Hypothesis { Summary = "The instance is CPU-bound", Confidence = 0.8 }],
        Severity = severity,
        Provider = "offline",
        RecommendedActions = recommended ?? [],
        AnalyzedAt = at ?? TestData.Wednesday10,
    };

    public static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(l => l.Key, l => l.Value);
}
