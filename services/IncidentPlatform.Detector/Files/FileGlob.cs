using Microsoft.Extensions.FileSystemGlobbing;

namespace IncidentPlatform.Detector.Files;

/// <summary>
/// A path glob (<c>*</c>, <c>?</c>, <c>**</c>) split into the directory it starts from (the segments without
/// wildcards) and the pattern below it, matched with <see cref="Matcher"/>.
/// </summary>
internal sealed class FileGlob
{
    private static readonly char[] Wildcards = ['*', '?'];
    private readonly Matcher _matcher = new(StringComparison.Ordinal);

    public FileGlob(string pattern, string baseDirectory)
    {
        var full = Path.GetFullPath(pattern, baseDirectory).Replace('\\', '/');
        var segments = full.Split('/', StringSplitOptions.None);
        var fixedCount = 0;
        while (fixedCount < segments.Length - 1 && segments[fixedCount].IndexOfAny(Wildcards) < 0)
        {
            fixedCount++;
        }

        Directory = string.Join('/', segments[..fixedCount]);
        if (Directory.Length == 0)
        {
            Directory = "/";
        }

        Pattern = string.Join('/', segments[fixedCount..]);
        _matcher.AddInclude(Pattern);
    }

    /// <summary>The directory the glob starts from.</summary>
    public string Directory { get; }

    /// <summary>The pattern relative to <see cref="Directory"/>.</summary>
    public string Pattern { get; }

    /// <summary>The full paths of the files that match now, in ordinal order; none when the directory is missing.</summary>
    public IReadOnlyList<string> Match() => System.IO.Directory.Exists(Directory)
        ? [.. _matcher.GetResultsInFullPath(Directory).Order(StringComparer.Ordinal)]
        : [];
}
