using Microsoft.Win32.SafeHandles;

namespace IncidentPlatform.Store.Embedded;

/// <summary>Reads the frames of a journal or snapshot file (see <see cref="FileFormat"/>) and judges damage.</summary>
internal sealed class FrameReader : IDisposable
{
    private const int ScanChunk = 1024 * 1024;
    private readonly SafeFileHandle _file;
    private readonly byte[] _header = new byte[FileFormat.FrameHeaderSize];
    private byte[] _payload = new byte[64 * 1024];

    public FrameReader(string path)
    {
        _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        FileLength = RandomAccess.GetLength(_file);
    }

    public long FileLength { get; }

    /// <summary>Where the next frame starts (after a failed read: where the damaged frame starts).</summary>
    public long Position { get; private set; }

    /// <summary>True when everything up to the end of the file has been read.</summary>
    public bool AtEnd => Position == FileLength;

    /// <summary>The generation in the file header, or null when the file does not start with a valid header.</summary>
    public long? ReadFileHeader(byte[] magic)
    {
        var header = new byte[FileFormat.FileHeaderSize];
        if (FileLength < header.Length)
        {
            return null;
        }

        ReadExactly(header, 0);
        Position = header.Length;
        return FileFormat.DecodeFileHeader(header, magic);
    }

    /// <summary>
    /// Reads the next frame: true with its payload (valid until the next call); false at the end of the file or at a
    /// frame that is incomplete or fails its checksum, leaving <see cref="Position"/> at that frame.
    /// </summary>
    public bool TryRead(out ReadOnlyMemory<byte> payload)
    {
        payload = default;
        if (AtEnd || !IsIntactFrameAt(Position, out var length))
        {
            return false;
        }

        payload = _payload.AsMemory(0, length);
        Position += FileFormat.FrameHeaderSize + length;
        return true;
    }

    /// <summary>
    /// After a failed <see cref="TryRead"/>: true when an intact frame starts anywhere after the damaged one, so the
    /// damage is in the middle of the file, not a write torn by a crash (which can only hit the last frame).
    /// </summary>
    public bool IntactFrameFollows()
    {
        var chunk = new byte[ScanChunk];
        var offset = Position + 1;
        while (offset < FileLength)
        {
            var read = ReadAtMost(chunk, offset);
            var span = chunk.AsSpan(0, read);
            for (var at = span.IndexOf(FileFormat.FrameMagic); at >= 0;)
            {
                if (IsIntactFrameAt(offset + at, out _))
                {
                    return true;
                }

                var next = span[(at + 1)..].IndexOf(FileFormat.FrameMagic);
                at = next < 0 ? -1 : at + 1 + next;
            }

            if (offset + read >= FileLength)
            {
                break;
            }

            // Overlap the chunks so that a magic across their boundary is seen.
            offset += read - (FileFormat.FrameMagic.Length - 1);
        }

        return false;
    }

    public void Dispose() => _file.Dispose();

    private bool IsIntactFrameAt(long offset, out int length)
    {
        length = -1;
        if (FileLength - offset < FileFormat.FrameHeaderSize)
        {
            return false;
        }

        ReadExactly(_header, offset);
        length = FileFormat.DeclaredPayloadLength(_header);
        if (length < 0 || length > FileLength - offset - FileFormat.FrameHeaderSize)
        {
            return false;
        }

        if (_payload.Length < length)
        {
            _payload = new byte[Math.Max(length, _payload.Length * 2)];
        }

        ReadExactly(_payload.AsSpan(0, length), offset + FileFormat.FrameHeaderSize);
        return FileFormat.ChecksumMatches(_header, _payload.AsSpan(0, length));
    }

    private void ReadExactly(Span<byte> buffer, long offset)
    {
        if (ReadAtMost(buffer, offset) != buffer.Length)
        {
            throw new EndOfStreamException("The file ended while it was being read (was it truncated meanwhile?).");
        }
    }

    private int ReadAtMost(Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(_file, buffer[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
