using System.Text.RegularExpressions;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>
/// Exception and error names read by their words, so that one never seen before still says what went wrong:
/// <c>ConnectionPoolTimeoutException</c> (a pool), <c>ReadTimeout</c> (a timeout), <c>(InternalError)</c> from an AWS call
/// (the dependency failed), <c>ERR_CERT_DATE_INVALID</c> (a certificate), <c>socket.gaierror</c> (name resolution).
/// The first rule whose words the name holds wins, most specific first.
/// </summary>
internal static partial class ErrorNames
{
    private static readonly (string[] Words, string Category)[] Rules =
    [
        (["pool"], AnalysisCategories.ConnectionPoolExhaustion),
        (["memory"], AnalysisCategories.OutOfMemory), (["heap"], AnalysisCategories.OutOfMemory), (["oom"], AnalysisCategories.OutOfMemory),
        (["unknown", "host"], AnalysisCategories.Dns), (["name", "resolution"], AnalysisCategories.Dns), (["dns"], AnalysisCategories.Dns),
        (["gaierror"], AnalysisCategories.Dns), (["resolve"], AnalysisCategories.Dns),
        (["ssl"], AnalysisCategories.TlsCertificate), (["tls"], AnalysisCategories.TlsCertificate), (["cert"], AnalysisCategories.TlsCertificate),
        (["certificate"], AnalysisCategories.TlsCertificate), (["handshake"], AnalysisCategories.TlsCertificate), (["pkix"], AnalysisCategories.TlsCertificate),
        (["throttling"], AnalysisCategories.Throttling), (["throttled"], AnalysisCategories.Throttling), (["rate", "limit"], AnalysisCategories.Throttling),
        (["limit", "exceeded"], AnalysisCategories.Throttling), (["too", "many", "requests"], AnalysisCategories.Throttling),
        (["query", "limit"], AnalysisCategories.Throttling), (["quota"], AnalysisCategories.Throttling), (["slow", "down"], AnalysisCategories.Throttling),
        (["unauthorized"], AnalysisCategories.Authentication), (["unauthenticated"], AnalysisCategories.Authentication),
        (["access", "denied"], AnalysisCategories.Authentication), (["forbidden"], AnalysisCategories.Authentication),
        (["auth"], AnalysisCategories.Authentication), (["authentication"], AnalysisCategories.Authentication),
        (["credential"], AnalysisCategories.Authentication), (["credentials"], AnalysisCategories.Authentication),
        (["expired", "token"], AnalysisCategories.Authentication), (["permission"], AnalysisCategories.Authentication),
        (["timeout"], AnalysisCategories.Timeout), (["timed", "out"], AnalysisCategories.Timeout), (["deadline"], AnalysisCategories.Timeout),
        (["no", "space"], AnalysisCategories.DiskFull), (["disk", "full"], AnalysisCategories.DiskFull),
        (["rejected", "execution"], AnalysisCategories.ResourceSaturation),
        (["connect"], AnalysisCategories.UpstreamError), (["connection", "refused"], AnalysisCategories.UpstreamError),
        (["unavailable"], AnalysisCategories.UpstreamError), (["bad", "gateway"], AnalysisCategories.UpstreamError),
        (["internal", "error"], AnalysisCategories.UpstreamError), (["internal", "server"], AnalysisCategories.UpstreamError),
        (["service", "failure"], AnalysisCategories.UpstreamError),
    ];

    /// <summary>The findings of the error names in a line.</summary>
    public static IEnumerable<Finding> Read(string text)
    {
        foreach (Match match in ErrorName().Matches(text))
        {
            var words = Words.Of(match.Groups["name"].Value.Replace('_', ' ')).Items.Select(w => w.Text).ToList();
            foreach (var (rule, category) in Rules)
            {
                if (rule.All(words.Contains))
                {
                    yield return new Finding(category, 0.9);
                    break;
                }
            }
        }
    }

    // A class name ending in Exception/Error/Fault (with its package), an AWS error code in parentheses, an all-caps code
    // with underscores, or Python's lowercase socket errors.
    [GeneratedRegex(@"(?<name>\b[A-Z][A-Za-z0-9]*(Exception|Error|Fault|Failure|Timeout)\b)|\((?<name>[A-Z][A-Za-z]+)\)|(?<name>\b[A-Z]{2,}(_[A-Z0-9]+)+\b)|(?<name>\b(gaierror|herror)\b)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ErrorName();
}
