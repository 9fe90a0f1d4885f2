using System.Text.RegularExpressions;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>A pattern in alert or log text that points to a failure, and how strongly (1 = unmistakable, 0.3 = a hint).</summary>
internal sealed class Indicator(string pattern, double strength)
{
    private readonly Regex _regex = new(pattern,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    public double Strength { get; } = strength;

    public bool IsMatch(string text)
    {
        try
        {
            return _regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile or pathological input: treat as no match rather than fail the analysis.
            return false;
        }
    }

    public override string ToString() => _regex.ToString();
}
