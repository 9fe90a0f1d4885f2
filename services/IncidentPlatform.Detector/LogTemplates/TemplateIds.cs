namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// Template ids: 64-bit FNV-1a of the first masked template, as 16 hex digits. A hash of content (not a counter) so
/// replicas that see the same first line agree on the id without talking, and ids mean the same after a restart.
/// FNV-1a, not <see cref="string.GetHashCode()"/>, because the latter is randomised per process.
/// </summary>
internal static class TemplateIds
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static string For(string firstTemplate, Func<string, bool> isTaken)
    {
        var id = Hash(firstTemplate).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        // Two clusters can start from the same text only in a corner (a template widened so far that its own first line
        // no longer reaches the threshold); a numbered suffix keeps ids unique and still deterministic.
        var candidate = id;
        for (var n = 1; isTaken(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }

    public static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = OffsetBasis;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }
}
