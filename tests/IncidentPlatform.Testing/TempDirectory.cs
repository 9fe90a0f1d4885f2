namespace IncidentPlatform.Testing;

/// <summary>A new directory under the system temp folder, deleted with its contents on dispose.</summary>
public sealed class TempDirectory(string prefix = "ip-test-") : IDisposable
{
    /// <summary>The directory's full path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The path of <paramref name="name"/> in the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A store may still be closing a file; the directory is in the temp area anyway.
        }
    }
}
