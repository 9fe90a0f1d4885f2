using System.Security.Cryptography;
using System.Text;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>The policy files at a path (one file, or the *.yaml and *.yml files of a directory, by name), read at once.</summary>
internal sealed record PolicySource(string Path, IReadOnlyList<(string Name, string Text)> Files)
{
    /// <summary>A hash of the names and raw bytes, to notice any change cheaply.</summary>
    public string Fingerprint { get; } = Hash(Files);

    /// <summary>Reads the files; throws <see cref="PolicyLoadException"/> when the path does not exist or cannot be read.</summary>
    public static PolicySource Read(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .Select(f => (System.IO.Path.GetFileName(f), File.ReadAllText(f)))
                    .ToList();
                return new PolicySource(path, files);
            }

            if (File.Exists(path))
            {
                return new PolicySource(path, [(System.IO.Path.GetFileName(path), File.ReadAllText(path))]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyLoadException([new PolicyError(path, 0, 0, $"cannot be read: {e.Message}")]);
        }

        throw new PolicyLoadException([new PolicyError(path, 0, 0, "no such file or directory")]);
    }

    private static string Hash(IReadOnlyList<(string Name, string Text)> files)
    {
        var text = new StringBuilder();
        foreach (var (name, content) in files)
        {
            text.Append(name).Append('\0').Append(content).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
