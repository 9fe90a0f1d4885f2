using System.Globalization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Templates;

/// <summary>
/// The values a parameter template may refer to: the incident (<c>{{incident.id}}</c>, <c>{{service}}</c>,
/// <c>{{labels.cluster}}</c>…), its analysis (<c>{{analysis.category}}</c>), the values the analysis read from the
/// alerts' text (<c>{{derived.instance_id}}</c>) and, per action, the parameters the analysis recommended for it
/// (<c>{{recommended.desired}}</c>). Every value is untrusted text: the action's schema and bounds
/// check whatever a template produces.
/// </summary>
internal sealed class TemplateContext
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private TemplateContext()
    {
    }

    /// <summary>A context with no values (for rendering templates without placeholders).</summary>
    public static TemplateContext Empty { get; } = new();

    /// <summary>The context of an incident and its analysis.</summary>
    public static TemplateContext For(Incident incident, IncidentAnalysis? analysis)
    {
        var context = new TemplateContext();
        var severity = incident.Severity.ToString().ToLowerInvariant();
        context.Set("incident.id", incident.Id);
        context.Set("incident.title", incident.Title);
        context.Set("incident.service", incident.Service);
        context.Set("incident.severity", severity);
        context.Set("incident.source", incident.Source);
        context.Set("incident.fingerprint", incident.Fingerprint);
        context.Set("service", incident.Service);
        context.Set("source", incident.Source);
        context.Set("severity", severity);
        context.Set("title", incident.Title);
        foreach (var (key, value) in incident.Labels)
        {
            context.Set("labels." + key, value);
        }

        if (analysis is not null)
        {
            context.Set("analysis.category", analysis.Category);
            context.Set("analysis.severity", analysis.Severity.ToString().ToLowerInvariant());
            context.Set("analysis.impact", analysis.Impact);
            context.Set("analysis.summary", analysis.Hypotheses.Count > 0 ? analysis.Hypotheses[0].Summary : null);
            context.Set("analysis.confidence", analysis.Hypotheses.Count > 0
                ? analysis.Hypotheses[0].Confidence.ToString("0.00", CultureInfo.InvariantCulture)
                : null);
            foreach (var (key, value) in analysis.Derived)
            {
                context.Set("derived." + key, value);
            }
        }

        return context;
    }

    /// <summary>This context plus the parameters the analysis recommended for one action.</summary>
    public TemplateContext WithRecommended(RecommendedAction? recommended)
    {
        var context = new TemplateContext();
        foreach (var (key, value) in _values.Where(kv => !kv.Key.StartsWith("recommended.", StringComparison.Ordinal)))
        {
            context._values[key] = value;
        }

        foreach (var (key, value) in recommended?.Parameters ?? new Dictionary<string, string>())
        {
            context.Set("recommended." + key, value);
        }

        return context;
    }

    /// <summary>The value at <paramref name="path"/>; false when it is absent or blank.</summary>
    public bool TryGet(string path, out string value) => _values.TryGetValue(path, out value!);

    private void Set(string path, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            _values[path] = value;
        }
    }
}
