using System.Globalization;

namespace IncidentPlatform.Bench;

/// <summary>Reading the benchmarks' arguments: each error says which argument and what it takes.</summary>
internal static class BenchArguments
{
    /// <summary>A whole number above zero.</summary>
    public static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} needs a positive whole number, not '{value}'.");

    /// <summary>A comma-separated choice of <paramref name="known"/> names, at least one.</summary>
    public static string[] Choice(string name, string value, IReadOnlyCollection<string> known)
    {
        var chosen = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return chosen.Length > 0 && chosen.All(known.Contains)
            ? chosen
            : throw new ArgumentException($"{name} takes {string.Join(", ", known)}, not '{value}'.");
    }
}
