using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace IncidentPlatform.Detector.Files;

/// <summary>
/// Reads a file's <see cref="FileIdentity"/> with the C library's <c>stat</c>/<c>fstat</c> (exported by glibc 2.33+
/// and musl), whose <c>struct stat</c> starts with the 64-bit device and inode on every 64-bit Linux. Where that is
/// not available the identity is derived from the path, and a rotated file is then only noticed as a truncation.
/// </summary>
internal static class FileIdentities
{
    private static readonly StatPath? PathStat;
    private static readonly StatHandle? HandleStat;

    static FileIdentities()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return;
        }

        foreach (var library in (string[])["libc.so.6", "libc"])
        {
            if (NativeLibrary.TryLoad(library, out var handle) &&
                NativeLibrary.TryGetExport(handle, "stat", out var stat) &&
                NativeLibrary.TryGetExport(handle, "fstat", out var fstat))
            {
                PathStat = Marshal.GetDelegateForFunctionPointer<StatPath>(stat);
                HandleStat = Marshal.GetDelegateForFunctionPointer<StatHandle>(fstat);
                return;
            }
        }
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int StatPath(byte[] path, [In, Out] byte[] buffer);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int StatHandle(int fd, [In, Out] byte[] buffer);

    /// <summary>True when identities are device and inode (rename-proof).</summary>
    public static bool ByInode => PathStat is not null;

    /// <summary>The identity of the file at <paramref name="path"/>, or null when it does not exist.</summary>
    public static FileIdentity? Of(string path)
    {
        if (PathStat is null)
        {
            return File.Exists(path) ? FromPath(path) : null;
        }

        var buffer = new byte[256];
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        return PathStat(bytes, buffer) == 0 ? Read(buffer) : null;
    }

    /// <summary>The identity of an open file (the file itself, wherever it has been renamed to since).</summary>
    public static FileIdentity Of(SafeFileHandle handle, string path)
    {
        if (HandleStat is null)
        {
            return FromPath(path);
        }

        var buffer = new byte[256];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var fd = (int)handle.DangerousGetHandle();
            return HandleStat(fd, buffer) == 0 ? Read(buffer) : FromPath(path);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static FileIdentity Read(byte[] buffer) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(0, 8)),
        BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8, 8)));

    private static FileIdentity FromPath(string path) =>
        new(0, Fnv1a.Hash(Encoding.UTF8.GetBytes(Path.GetFullPath(path))));
}
