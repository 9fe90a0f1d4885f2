using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>
/// A known failure: the category it belongs to, the text that betrays it, how specific a cause it is (a full disk
/// explains its errors; a timeout is usually a symptom of something else) and what a person should do about it.
/// </summary>
/// <param name="Category">Its category in the taxonomy.</param>
/// <param name="Summary">The hypothesis, in a sentence.</param>
/// <param name="Indicators">The patterns that point to it.</param>
/// <param name="Specificity">1 for a root cause, lower for failures that are usually symptoms of another.</param>
/// <param name="SeverityFloor">The least severity such a failure deserves.</param>
/// <param name="Steps">What the on-call engineer should do.</param>
internal sealed record FailureSignature(
    string Category,
    string Summary,
    IReadOnlyList<Indicator> Indicators,
    double Specificity,
    Severity SeverityFloor,
    IReadOnlyList<string> Steps)
{
    /// <summary>The strongest indicator matching <paramref name="text"/>, 0 when none does.</summary>
    public double Match(string text)
    {
        var best = 0.0;
        foreach (var indicator in Indicators)
        {
            if (indicator.Strength > best && indicator.IsMatch(text))
            {
                best = indicator.Strength;
            }
        }

        return best;
    }
}
