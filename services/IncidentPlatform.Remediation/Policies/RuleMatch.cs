using System.Text.RegularExpressions;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>
/// When a rule applies. Every condition given must hold (empty lists accept anything): service, minimum severity,
/// category, source, label equality and label patterns, and the same for the values the analysis read from the alerts'
/// text (<c>derived</c>, <c>derivedPatterns</c>), which are never mixed with the labels the sender set.
/// </summary>
internal sealed record RuleMatch
{
    /// <summary>Services (case-insensitive); empty: any.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>The minimum severity; null: any.</summary>
    public Severity? MinSeverity { get; init; }

    /// <summary>Analysis categories; empty: any.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Incident sources (case-insensitive); empty: any.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Labels that must be present with exactly these values.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Labels that must be present and match these patterns.</summary>
    public IReadOnlyDictionary<string, Regex> LabelPatterns { get; init; } = new Dictionary<string, Regex>();

    /// <summary>Values the analysis derived from the alerts' text that must be present with exactly these values.</summary>
    public IReadOnlyDictionary<string, string> Derived { get; init; } = new Dictionary<string, string>();

    /// <summary>Derived values that must be present and match these patterns.</summary>
    public IReadOnlyDictionary<string, Regex> DerivedPatterns { get; init; } = new Dictionary<string, Regex>();

    /// <summary>True when every condition holds for <paramref name="subject"/>.</summary>
    public bool Matches(MatchSubject subject)
    {
        if (Services.Count > 0 &&
            (subject.Service is null || !Services.Contains(subject.Service, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (MinSeverity is { } min && subject.Severity < min)
        {
            return false;
        }

        if (Categories.Count > 0 && !Categories.Contains(subject.Category, StringComparer.Ordinal))
        {
            return false;
        }

        if (Sources.Count > 0 && !Sources.Contains(subject.Source, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        return Holds(Labels, LabelPatterns, subject.Labels) && Holds(Derived, DerivedPatterns, subject.Derived);
    }

    private static bool Holds(
        IReadOnlyDictionary<string, string> equal, IReadOnlyDictionary<string, Regex> patterns, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in equal)
        {
            if (!values.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var (key, pattern) in patterns)
        {
            if (!values.TryGetValue(key, out var actual) || !SafeMatch(pattern, actual))
            {
                return false;
            }
        }

        return true;
    }

    // Label values are untrusted: a pattern that runs past its time limit does not match.
    private static bool SafeMatch(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
