using System.Buffers;
using System.Text;

namespace IncidentPlatform.Redis.Tests.Protocol;

/// <summary>Builds multi-segment sequences, the way a socket delivers a reply in pieces.</summary>
internal static class Segments
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static ReadOnlySequence<byte> Of(params byte[][] chunks)
    {
        if (chunks.Length == 1)
        {
            return new ReadOnlySequence<byte>(chunks[0]);
        }

        var first = new Segment(chunks[0], 0);
        var last = first;
        foreach (var chunk in chunks.Skip(1))
        {
            last = last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Two segments: bytes [0, at) and [at, end).</summary>
    public static ReadOnlySequence<byte> SplitAt(byte[] data, int at) => Of(data[..at], data[at..]);

    /// <summary>One segment per byte.</summary>
    public static ReadOnlySequence<byte> Bytewise(byte[] data) => Of([.. data.Select(b => new[] { b })]);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] data)
        {
            var next = new Segment(data, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
