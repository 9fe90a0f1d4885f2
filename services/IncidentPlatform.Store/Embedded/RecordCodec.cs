using System.Buffers;
using System.Text.Json;
using IncidentPlatform.Store.Serialization;

namespace IncidentPlatform.Store.Embedded;

/// <summary>Records to and from their JSON bytes. One instance per writer: it reuses its buffer.</summary>
internal sealed class RecordCodec
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public RecordCodec()
    {
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>The record's bytes, valid until the next call.</summary>
    public ReadOnlySpan<byte> Encode(JournalRecord record)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, record, StoreJsonContext.Default.JournalRecord);
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    /// <exception cref="InvalidDataException">The bytes are not a record.</exception>
    public static JournalRecord Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, StoreJsonContext.Default.JournalRecord)
                   ?? throw new InvalidDataException("A store record is null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"A store record cannot be read: {ex.Message}", ex);
        }
    }
}
