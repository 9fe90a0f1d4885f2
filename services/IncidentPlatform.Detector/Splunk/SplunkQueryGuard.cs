using System.Text.RegularExpressions;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>
/// Checks an ad-hoc search (from the <c>incident_detection</c> tool, so possibly written by a model): detection only
/// reads, so commands that write, delete, send or run anything are refused. The Splunk role of the token should be
/// read-only as well; this is the second fence.
/// </summary>
internal static partial class SplunkQueryGuard
{
    public const int MaxLength = 4000;

    /// <summary>Why the query is refused, or null when it may run.</summary>
    public static string? Refusal(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "The query is empty.";
        }

        if (query.Length > MaxLength)
        {
            return $"The query is longer than {MaxLength} characters.";
        }

        var command = Forbidden().Match(query);
        return command.Success
            ? $"The query uses '{command.Groups["command"].Value}', which detection does not allow (searches only read)."
            : null;
    }

    [GeneratedRegex(
        @"(^|\|)\s*(?<command>delete|outputlookup|outputcsv|outputtext|collect|mcollect|meventcollect|tscollect|sendemail|sendalert|script|run|runshellscript|dbxquery|dbxoutput|map|rest|sendtoazure)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Forbidden();
}
