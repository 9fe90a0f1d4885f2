using System.Globalization;
using System.Runtime.InteropServices;

namespace IncidentPlatform.Store.Embedded;

/// <summary>
/// The store's directory, held exclusively for as long as the store is open: <c>store.lock</c> (held open with
/// <see cref="FileShare.None"/>, so a second process, or a second store in this one, cannot open it),
/// <c>journal-&lt;generation&gt;.log</c>, <c>snapshot.dat</c> and, while a compaction writes it, <c>snapshot.tmp</c>.
/// </summary>
internal sealed class DataDirectory : IDisposable
{
    private const string JournalPrefix = "journal-";
    private const string JournalSuffix = ".log";
    private readonly FileStream _lock;

    private DataDirectory(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    public string Path { get; }

    public string SnapshotPath => System.IO.Path.Combine(Path, "snapshot.dat");

    public string SnapshotTempPath => System.IO.Path.Combine(Path, "snapshot.tmp");

    /// <summary>Creates the directory if needed and locks it.</summary>
    /// <exception cref="IOException">Another store holds the directory.</exception>
    public static DataDirectory Lock(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(full);
        var lockPath = System.IO.Path.Combine(full, "store.lock");
        try
        {
            return new DataDirectory(full, new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new IOException(
                $"The data directory '{full}' is in use by another embedded store (it holds '{lockPath}'). Stop the " +
                "other process, or give this one its own directory with IncidentPlatform:DataDirectory.", ex);
        }
    }

    public string JournalPath(long generation) =>
        System.IO.Path.Combine(Path, JournalPrefix + generation.ToString("D12", CultureInfo.InvariantCulture) + JournalSuffix);

    /// <summary>The journals present, oldest generation first.</summary>
    public IReadOnlyList<(long Generation, string Path)> Journals()
    {
        var found = new List<(long, string)>();
        foreach (var file in Directory.EnumerateFiles(Path, JournalPrefix + "*" + JournalSuffix))
        {
            var name = System.IO.Path.GetFileName(file);
            var digits = name[JournalPrefix.Length..^JournalSuffix.Length];
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
            {
                found.Add((generation, file));
            }
        }

        return [.. found.OrderBy(j => j.Item1)];
    }

    /// <summary>
    /// Makes creations, renames and deletions in the directory durable (fsync of the directory itself), without which
    /// a new journal or a renamed snapshot could vanish in a power loss though their contents were flushed. Windows
    /// (NTFS journals its metadata) has no such call.
    /// </summary>
    public void Sync()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Native.Open(Path, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            throw new IOException($"Cannot open '{Path}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Native.Fsync(fd) != 0)
            {
                throw new IOException($"Cannot flush the directory '{Path}' (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }

    public void Dispose() => _lock.Dispose();

    private static class Native
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static extern int Fsync(int fd);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        public static extern int Close(int fd);
    }
}
