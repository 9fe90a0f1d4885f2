using System.Text.RegularExpressions;
using IncidentPlatform.Templating;

namespace IncidentPlatform.Remediation.Templates;

/// <summary>The value paths a template may name, checked when the policy loads.</summary>
internal static partial class TemplatePaths
{
    /// <summary>The paths, for error messages.</summary>
    public const string Known =
        "service, source, severity, title, incident.id|title|service|severity|source|fingerprint, labels.<name>, " +
        "analysis.category|severity|impact|summary|confidence, derived.<name>, recommended.<parameter>";

    /// <summary>True when <paramref name="path"/> is one a context can hold.</summary>
    public static bool IsKnown(string path) => Pattern().IsMatch(path);

    /// <summary>The vocabulary of parameter templates.</summary>
    public static TemplateVocabulary Vocabulary { get; } = new(IsKnown, Known);

    [GeneratedRegex(
        @"^(service|source|severity|title|incident\.(id|title|service|severity|source|fingerprint)|labels\.[^\s{}]{1,128}|" +
        @"analysis\.(category|severity|impact|summary|confidence)|derived\.[A-Za-z0-9_]{1,64}|recommended\.[A-Za-z0-9_]{1,64})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
