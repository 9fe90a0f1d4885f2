using IncidentPlatform.Testing.Loghub;

namespace IncidentPlatform.Bench.LogTemplates;

/// <summary>The arguments of the template benchmarks: labelled CSV files (default: the loghub 2k samples) and one option.</summary>
internal static class LabelledFiles
{
    /// <summary>The files named in <paramref name="args"/> once <paramref name="option"/> and its value are taken out.</summary>
    public static string[] From(string[] args, string option, out string? value)
    {
        var at = Array.IndexOf(args, option);
        value = at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var files = at >= 0 ? [.. args[..at], .. args[Math.Min(args.Length, at + 2)..]] : args;
        return files.Length > 0 ? files : [.. Loghub2k.Datasets.Select(Loghub2k.Path)];
    }
}
