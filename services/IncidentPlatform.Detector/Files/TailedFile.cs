using System.Text;
using Microsoft.Win32.SafeHandles;

namespace IncidentPlatform.Detector.Files;

/// <summary>
/// One open file of a tailer, read through its handle (so it is still read after a rename): the bytes read so far,
/// the partial last line waiting for its newline, and the record being assembled.
/// </summary>
internal sealed class TailedFile(
    FileIdentity identity, string path, SafeFileHandle handle, long offset, RecordAssembler assembler, DateTimeOffset now)
    : IDisposable
{
    /// <summary>How many leading bytes identify the content (against a reused inode after a restart).</summary>
    public const int HeadBytes = 256;

    private const int MaxPartialBytes = 256 * 1024;
    private readonly byte[] _head = new byte[HeadBytes];
    private byte[] _partial = new byte[1024];
    private int _partialStored;
    private long _partialBytes;

    public FileIdentity Identity { get; } = identity;

    /// <summary>The path it was last seen at.</summary>
    public string Path { get; set; } = path;

    /// <summary>Bytes read: complete lines plus the partial line.</summary>
    public long ReadOffset { get; private set; } = offset;

    /// <summary>Where a restart must resume: the start of the record still pending or of the partial line.</summary>
    public long Committed => assembler.PendingStart ?? (ReadOffset - _partialBytes);

    /// <summary>Hash of the first <see cref="HeadLength"/> bytes.</summary>
    public ulong HeadHash { get; private set; }

    public int HeadLength { get; private set; }

    /// <summary>When it stopped matching the glob (rotated away or deleted); null while it matches.</summary>
    public DateTimeOffset? OrphanedAt { get; set; }

    /// <summary>When bytes were last read from it.</summary>
    public DateTimeOffset LastGrowth { get; private set; } = now;

    /// <summary>How many times it was found truncated (copytruncate).</summary>
    public int Truncations { get; private set; }

    /// <summary>Reads what was appended, at most about <paramref name="budget"/> bytes; true when more is waiting.</summary>
    public bool Read(byte[] buffer, long budget, DateTimeOffset now, List<string> output)
    {
        var length = RandomAccess.GetLength(handle);
        if (length < ReadOffset)
        {
            // Truncated in place: what was read stands; the file starts again from the beginning.
            assembler.Flush(output);
            _partialStored = 0;
            _partialBytes = 0;
            ReadOffset = 0;
            HeadLength = 0;
            Truncations++;
        }

        long read = 0;
        while (ReadOffset < length && read < budget)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - ReadOffset)), ReadOffset);
            if (n == 0)
            {
                break;
            }

            Split(buffer.AsSpan(0, n), now, output);
            ReadOffset += n;
            read += n;
        }

        if (read > 0)
        {
            LastGrowth = now;
            RefreshHead();
        }

        return ReadOffset < length;
    }

    /// <summary>The file will not be written again: its pending record and partial line are complete as they are.</summary>
    public void Finish(DateTimeOffset now, List<string> output)
    {
        if (_partialBytes > 0)
        {
            assembler.Add(Decode(_partial.AsSpan(0, _partialStored)), ReadOffset - _partialBytes, now, output);
            _partialStored = 0;
            _partialBytes = 0;
        }

        assembler.Flush(output);
    }

    public void FlushIfQuiet(DateTimeOffset now, TimeSpan quiet, List<string> output)
    {
        // A record whose last line has no newline yet is not complete, however long it waits.
        if (_partialBytes == 0)
        {
            assembler.FlushIfQuiet(now, quiet, output);
        }
    }

    /// <summary>Whether the file's first bytes hash to <paramref name="hash"/> (true when none were recorded).</summary>
    public static bool HeadMatches(SafeFileHandle handle, ulong hash, int length)
    {
        if (length == 0)
        {
            return true;
        }

        Span<byte> head = stackalloc byte[HeadBytes];
        var n = RandomAccess.Read(handle, head[..Math.Min(length, HeadBytes)], 0);
        return n == length && Fnv1a.Hash(head[..n]) == hash;
    }

    public void Dispose() => handle.Dispose();

    private void Split(ReadOnlySpan<byte> chunk, DateTimeOffset now, List<string> output)
    {
        var pos = 0;
        while (pos < chunk.Length)
        {
            var newline = chunk[pos..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                KeepPartial(chunk[pos..]);
                return;
            }

            var lineStart = ReadOffset + pos - _partialBytes;
            string line;
            if (_partialBytes > 0)
            {
                KeepPartial(chunk.Slice(pos, newline));
                line = Decode(_partial.AsSpan(0, _partialStored));
                _partialStored = 0;
                _partialBytes = 0;
            }
            else
            {
                line = Decode(chunk.Slice(pos, newline));
            }

            assembler.Add(line, lineStart, now, output);
            pos += newline + 1;
        }
    }

    private void KeepPartial(ReadOnlySpan<byte> bytes)
    {
        _partialBytes += bytes.Length;
        var room = MaxPartialBytes - _partialStored;
        var kept = bytes[..Math.Min(room, bytes.Length)];
        if (_partialStored + kept.Length > _partial.Length)
        {
            Array.Resize(ref _partial, Math.Min(MaxPartialBytes, Math.Max(_partial.Length * 2, _partialStored + kept.Length)));
        }

        kept.CopyTo(_partial.AsSpan(_partialStored));
        _partialStored += kept.Length;
    }

    private static string Decode(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        return Encoding.UTF8.GetString(line[..Math.Min(line.Length, MaxPartialBytes)]);
    }

    /// <summary>Hashes the first bytes again while there are fewer than <see cref="HeadBytes"/> of them.</summary>
    public void RefreshHead()
    {
        var length = HeadLength >= HeadBytes ? 0 : RandomAccess.GetLength(handle);
        if (length <= HeadLength)
        {
            return;
        }

        var n = RandomAccess.Read(handle, _head.AsSpan(0, (int)Math.Min(HeadBytes, length)), 0);
        HeadLength = n;
        HeadHash = Fnv1a.Hash(_head.AsSpan(0, n));
    }
}
