using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>
/// HTTP statuses and process exit codes where a line gives them as such (<c>status 503</c>, <c>HTTPCode_ELB_502_Count</c>,
/// <c>429 responses</c>, <c>exited with code 137</c>): what each one means to an engineer.
/// </summary>
internal static class StatusCodes
{
    private static readonly HashSet<string> StatusContext = new(StringComparer.Ordinal)
    {
        "status", "code", "http", "https", "returned", "returns", "returning", "answered", "answers", "responded", "got", "error",
        "errors", "responses", "response", "count", "elb", "target", "server", "service", "bad", "gateway", "too", "unauthorized",
        "forbidden", "insufficient", "internal",
    };

    /// <summary>The findings of the statuses and exit codes in the line, and the values read (for derived labels).</summary>
    public static IEnumerable<(Finding Finding, string Name, string Value)> Read(Words words)
    {
        for (var k = 0; k < words.Count; k++)
        {
            var word = words[k];
            if (word.Kind != WordKind.Number || word.Percent || word.Value != Math.Floor(word.Value))
            {
                continue;
            }

            var code = (int)word.Value;
            if (IsExitCode(words, k) && ExitCode(code) is { } exit)
            {
                yield return (exit, "exit_code", word.Text);
            }
            else if (code is >= 400 and <= 599 && (Has(words, k - 1) || Has(words, k + 1)) && HttpStatus(code) is { } status)
            {
                yield return (status, "http_status", word.Text);
            }
        }
    }

    private static bool Has(Words words, int index) =>
        index >= 0 && index < words.Count && StatusContext.Contains(words[index].Text);

    private static bool IsExitCode(Words words, int k) =>
        (words.Is(k - 1, "code") || words.Is(k - 1, "status")) && (words.Is(k - 2, "exit") || words.Is(k - 3, "exited") || words.Is(k - 2, "exited"))
        || words.Is(k - 1, "exited");

    private static Finding? HttpStatus(int code) => code switch
    {
        429 => new Finding(AnalysisCategories.Throttling, 0.9),
        401 => new Finding(AnalysisCategories.Authentication, 0.9),
        403 => new Finding(AnalysisCategories.Authentication, 0.8),
        504 => new Finding(AnalysisCategories.Timeout, 0.8),
        507 => new Finding(AnalysisCategories.DiskFull, 0.8),
        500 or 502 or 503 => new Finding(AnalysisCategories.UpstreamError, 0.8),
        _ => null,
    };

    /// <summary>137 is SIGKILL, which on a container almost always means the memory limit; 139 and 134 are crashes.</summary>
    private static Finding? ExitCode(int code) => code switch
    {
        137 => new Finding(AnalysisCategories.OutOfMemory, 0.8),
        139 or 134 => new Finding(AnalysisCategories.CrashLoop, 0.8),
        _ => null,
    };
}
