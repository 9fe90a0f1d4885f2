using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace IncidentPlatform.Store.Embedded;

/// <summary>
/// The on-disk format shared by journals and snapshots.
/// <para>A file starts with a 20-byte header: an 8-byte ASCII magic (<c>IPJRNL01</c> or <c>IPSNAP01</c>), the
/// generation (int64, little-endian) and the CRC-32C of those 16 bytes.</para>
/// <para>Then frames. A frame is one group commit (journal) or about a megabyte of records (snapshot): a 12-byte
/// header (the magic bytes <c>FF FE 49 50</c>, the payload length as uint32, the CRC-32C of the length and the payload)
/// and the payload, a run of records, each a uint32 length and the record's UTF-8 JSON. The magic's 0xFF cannot occur
/// in UTF-8 JSON nor in a record length (records are smaller than 256 MiB), so a frame start is recognizable when
/// scanning past damage.</para>
/// </summary>
internal static class FileFormat
{
    public const int FileHeaderSize = 20;
    public const int FrameHeaderSize = 12;

    /// <summary>The largest frame payload a reader accepts; a single record must be smaller.</summary>
    public const int MaxPayload = 256 * 1024 * 1024;

    public static readonly byte[] JournalMagic = Encoding.ASCII.GetBytes("IPJRNL01");
    public static readonly byte[] SnapshotMagic = Encoding.ASCII.GetBytes("IPSNAP01");
    public static readonly byte[] FrameMagic = [0xFF, 0xFE, 0x49, 0x50];

    /// <summary>CRC-32C (Castagnoli), hardware-accelerated where the CPU has it.</summary>
    public static uint Crc(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default)
    {
        var crc = Update(0xFFFFFFFFu, first);
        return ~Update(crc, second);
    }

    public static byte[] EncodeFileHeader(byte[] magic, long generation)
    {
        var header = new byte[FileHeaderSize];
        magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(8), generation);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), Crc(header.AsSpan(0, 16)));
        return header;
    }

    /// <summary>The generation in a file header, or null when the header is not a valid one of that kind.</summary>
    public static long? DecodeFileHeader(ReadOnlySpan<byte> header, byte[] magic)
    {
        if (header.Length < FileHeaderSize || !header[..8].SequenceEqual(magic) ||
            BinaryPrimitives.ReadUInt32LittleEndian(header[16..]) != Crc(header[..16]))
        {
            return null;
        }

        return BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
    }

    /// <summary>Fills the 12-byte header at the start of <paramref name="frame"/> from the payload after it.</summary>
    public static void SealFrame(Span<byte> frame)
    {
        var payload = frame[FrameHeaderSize..];
        FrameMagic.CopyTo(frame);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[8..], Crc(frame.Slice(4, 4), payload));
    }

    /// <summary>The payload length a frame header declares, or -1 when it is not a plausible frame header.</summary>
    public static int DeclaredPayloadLength(ReadOnlySpan<byte> header)
    {
        if (header.Length < FrameHeaderSize || !header[..4].SequenceEqual(FrameMagic))
        {
            return -1;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        return length is 0 or > MaxPayload ? -1 : (int)length;
    }

    /// <summary>True when the payload matches the checksum in its frame header.</summary>
    public static bool ChecksumMatches(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload) =>
        BinaryPrimitives.ReadUInt32LittleEndian(header[8..]) == Crc(header.Slice(4, 4), payload);

    /// <summary>The records of a frame's payload.</summary>
    /// <exception cref="InvalidDataException">The payload passed its checksum yet does not split into records.</exception>
    public static List<ReadOnlyMemory<byte>> SplitRecords(ReadOnlyMemory<byte> payload)
    {
        var records = new List<ReadOnlyMemory<byte>>();
        var position = 0;
        while (position < payload.Length)
        {
            if (payload.Length - position < 4)
            {
                throw new InvalidDataException("A frame ends inside a record length.");
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(payload.Span[position..]);
            position += 4;
            if (length > (uint)(payload.Length - position))
            {
                throw new InvalidDataException("A record runs past the end of its frame.");
            }

            records.Add(payload.Slice(position, (int)length));
            position += (int)length;
        }

        return records;
    }

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }
}
