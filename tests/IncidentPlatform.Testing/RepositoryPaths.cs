namespace IncidentPlatform.Testing;

/// <summary>Paths in the repository, found from the running test assembly.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the directory holding IncidentPlatform.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests run in (Debug or Release), so processes started match it.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    /// <summary>The built entry assembly of a project under <c>services/</c>, e.g. <c>IncidentPlatform.Detector</c>.</summary>
    public static string ServiceAssembly(string project)
    {
        var path = Path.Combine(Root, "services", project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"{path} is not built. The test project should reference {project} with ReferenceOutputAssembly=false " +
                "so that building the tests builds it.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IncidentPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No IncidentPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
