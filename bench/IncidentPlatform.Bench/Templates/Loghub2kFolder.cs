using IncidentPlatform.Detector.Templates.Evaluation;

namespace IncidentPlatform.Bench.Templates;

internal static class Loghub2kFolder
{
    /// <summary>The loghub 2k folder seen from the working directory or the program's; null (and says so) when none.</summary>
    public static string? Find()
    {
        var directory = LabelledLogs.FindLoghub2kDirectory(Directory.GetCurrentDirectory())
            ?? LabelledLogs.FindLoghub2kDirectory(AppContext.BaseDirectory);
        if (directory is null)
        {
            Console.Error.WriteLine($"No shared/data/loghub2k folder found; give CSV files or set {LabelledLogs.DirectoryVariable}.");
        }

        return directory;
    }
}
