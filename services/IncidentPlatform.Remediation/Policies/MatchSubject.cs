using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>What a rule's match looks at: the incident's service, source and labels, and the analysis.</summary>
/// <param name="Service">The incident's service, if known.</param>
/// <param name="Severity">The higher of the incident's severity and the analysis's assessed severity.</param>
/// <param name="Category">The analysis category.</param>
/// <param name="Source">The incident's source.</param>
/// <param name="Labels">The incident's labels.</param>
/// <param name="Derived">The values the analysis read from the alerts' text.</param>
internal sealed record MatchSubject(
    string? Service, Severity Severity, string Category, string Source, IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Derived)
{
    /// <summary>The subject of an incident and its analysis.</summary>
    public static MatchSubject Of(Incident incident, IncidentAnalysis analysis) => new(
        incident.Service,
        (Severity)Math.Max((int)incident.Severity, (int)analysis.Severity),
        analysis.Category,
        incident.Source,
        incident.Labels,
        analysis.Derived);
}
