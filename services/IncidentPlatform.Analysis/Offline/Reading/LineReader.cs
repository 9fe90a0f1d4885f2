namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>
/// Reads one line of an incident the way an engineer does, beside the knowledge base's signatures: its measurements
/// against their thresholds, HTTP statuses and exit codes, and the words of exception and error names.
/// </summary>
internal static class LineReader
{
    /// <summary>What the line says, strongest first; empty when it says nothing this reading understands.</summary>
    public static IReadOnlyList<Finding> Read(string text)
    {
        var words = Words.Of(text);
        var findings = new List<Finding>();
        foreach (var measurement in Measurements.Read(words))
        {
            if (measurement.Strength > 0 && measurement.Resource.Category() is { } category)
            {
                findings.Add(new Finding(category, measurement.Strength));
            }
        }

        findings.AddRange(StatusCodes.Read(words).Select(s => s.Finding));
        findings.AddRange(ErrorNames.Read(text));
        return [.. findings.GroupBy(f => f.Category).Select(g => g.MaxBy(f => f.Strength)).OrderByDescending(f => f.Strength)];
    }
}
