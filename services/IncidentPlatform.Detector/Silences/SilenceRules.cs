using System.Text.RegularExpressions;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Silences;

/// <summary>
/// One silence, ready to match: a matcher names a label, or <c>service</c>, <c>source</c>, <c>severity</c> or
/// <c>title</c> (those fields of the alert); a missing label is the empty string (as in Alertmanager). Values compare
/// exactly (severity ignoring case), regular expressions are anchored and run without backtracking.
/// </summary>
internal sealed class SilenceRules
{
    private readonly Func<Alert, bool>[] _matchers;

    private SilenceRules(Silence silence, Func<Alert, bool>[] matchers)
    {
        Silence = silence;
        _matchers = matchers;
    }

    public Silence Silence { get; }

    /// <summary>The same options the gateway validates with, so any stored silence compiles here.</summary>
    public const RegexOptions RegexOptions =
        System.Text.RegularExpressions.RegexOptions.NonBacktracking | System.Text.RegularExpressions.RegexOptions.CultureInvariant;

    public static SilenceRules Compile(Silence silence) => new(silence, [.. silence.Matchers.Select(Compile)]);

    public bool IsActive(DateTimeOffset now) => Silence.StartsAt <= now && now < Silence.EndsAt;

    // A silence without matchers would silence everything: it matches nothing instead.
    public bool Matches(Alert alert) => _matchers.Length > 0 && _matchers.All(m => m(alert));

    private static Func<Alert, bool> Compile(SilenceMatcher matcher)
    {
        Func<string, bool> test;
        if (matcher.IsRegex)
        {
            var regex = new Regex($"^(?:{matcher.Value})$", RegexOptions);
            test = regex.IsMatch;
        }
        else
        {
            var comparison = matcher.Name == "severity" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            test = value => string.Equals(value, matcher.Value, comparison);
        }

        return matcher.IsNegative ? alert => !test(Field(alert, matcher.Name)) : alert => test(Field(alert, matcher.Name));
    }

    private static string Field(Alert alert, string name) => name switch
    {
        "service" => alert.Service ?? "",
        "source" => alert.Source,
        "severity" => alert.Severity.ToString().ToLowerInvariant(),
        "title" => alert.Title,
        _ => alert.Labels.GetValueOrDefault(name) ?? "",
    };
}
