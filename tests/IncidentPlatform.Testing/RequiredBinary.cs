namespace IncidentPlatform.Testing;

/// <summary>Finds the programs the fixtures start, failing with the Debian package to install when one is missing.</summary>
public static class RequiredBinary
{
    /// <summary>The full path of <paramref name="name"/> on PATH (or in /usr/sbin, /usr/lib/rabbitmq/bin).</summary>
    /// <exception cref="InvalidOperationException">The program is not installed; the message says which package to install.</exception>
    public static string Find(string name, string debianPackage)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var dirs = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/usr/lib/rabbitmq/bin", "/usr/local/bin"]);
        foreach (var dir in dirs)
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{name}' is not installed, and this test needs it. Install it with: apt-get install -y {debianPackage} " +
            "(./test.sh does this for you).");
    }
}
