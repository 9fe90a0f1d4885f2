using System.Text.RegularExpressions;

namespace IncidentPlatform.Detector;

/// <summary>Helpers for the options validators: collect every failure, each naming its configuration key.</summary>
internal static class OptionFailures
{
    public static void Require(this List<string> failures, bool ok, string failure)
    {
        if (!ok)
        {
            failures.Add(failure);
        }
    }

    /// <summary>Null when <paramref name="pattern"/> is empty or a valid regular expression, else why not.</summary>
    public static string? RegexError(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return null;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
