using System.Buffers.Binary;

namespace IncidentPlatform.Store.Embedded;

/// <summary>Collects records into one frame (see <see cref="FileFormat"/>): header space first, then the records.</summary>
internal sealed class FrameBuilder
{
    private byte[] _buffer;
    private int _length = FileFormat.FrameHeaderSize;

    public FrameBuilder(int initialCapacity = 4096)
    {
        _buffer = new byte[Math.Max(initialCapacity, 64)];
    }

    /// <summary>How many records the frame holds.</summary>
    public int Records { get; private set; }

    /// <summary>The size of the frame so far, header included.</summary>
    public int Length => _length;

    public void Add(ReadOnlySpan<byte> record)
    {
        if (record.Length > FileFormat.MaxPayload - 4 - (_length - FileFormat.FrameHeaderSize))
        {
            throw new ArgumentException($"A store record of {record.Length} bytes is too large for one frame.", nameof(record));
        }

        EnsureCapacity(4 + record.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_length), (uint)record.Length);
        record.CopyTo(_buffer.AsSpan(_length + 4));
        _length += 4 + record.Length;
        Records++;
    }

    /// <summary>Writes the header and returns the whole frame, valid until the next change.</summary>
    public ReadOnlyMemory<byte> Seal()
    {
        FileFormat.SealFrame(_buffer.AsSpan(0, _length));
        return _buffer.AsMemory(0, _length);
    }

    public void Clear()
    {
        _length = FileFormat.FrameHeaderSize;
        Records = 0;
    }

    private void EnsureCapacity(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }

        var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)_length + more));
        Array.Resize(ref _buffer, size);
    }
}
