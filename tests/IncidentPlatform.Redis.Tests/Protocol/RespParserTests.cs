using System.Buffers;
using static IncidentPlatform.Redis.Tests.Protocol.Segments;

namespace IncidentPlatform.Redis.Tests.Protocol;

public sealed class RespParserTests
{
    [Theory]
    [MemberData(nameof(RespCases.ValidNames), MemberType = typeof(RespCases))]
    public void TryRead_CompleteReply_ReturnsValueAndConsumesIt(string name)
    {
        var (wire, expected) = RespCases.Valid[name];
        var bytes = Bytes(wire);

        var (complete, value, consumed) = Read(new ReadOnlySequence<byte>(bytes));

        complete.ShouldBeTrue();
        value.ShouldBe(expected);
        value.Kind.ShouldBe(expected.Kind);
        consumed.ShouldBe(bytes.Length);
    }

    [Theory]
    [MemberData(nameof(RespCases.ValidNames), MemberType = typeof(RespCases))]
    public void TryRead_EveryProperPrefix_NeedsMoreDataWithoutConsuming(string name)
    {
        var bytes = Bytes(RespCases.Valid[name].Wire);

        for (var length = 0; length < bytes.Length; length++)
        {
            var (complete, _, consumed) = Read(new ReadOnlySequence<byte>(bytes, 0, length));

            complete.ShouldBeFalse($"a prefix of {length} of {bytes.Length} bytes was taken as complete");
            consumed.ShouldBe(0);
        }
    }

    [Theory]
    [MemberData(nameof(RespCases.ValidNames), MemberType = typeof(RespCases))]
    public void TryRead_SplitAtEveryByte_ReturnsSameValue(string name)
    {
        var (wire, expected) = RespCases.Valid[name];
        var bytes = Bytes(wire);

        for (var at = 0; at <= bytes.Length; at++)
        {
            var (complete, value, consumed) = Read(SplitAt(bytes, at));

            complete.ShouldBeTrue($"split at {at}");
            value.ShouldBe(expected, $"split at {at}");
            consumed.ShouldBe(bytes.Length);
        }
    }

    [Theory]
    [MemberData(nameof(RespCases.ValidNames), MemberType = typeof(RespCases))]
    public void TryRead_OneByteSegments_ReturnsSameValue(string name)
    {
        var (wire, expected) = RespCases.Valid[name];
        var bytes = Bytes(wire);

        var (complete, value, consumed) = Read(Bytewise(bytes));

        complete.ShouldBeTrue();
        value.ShouldBe(expected);
        consumed.ShouldBe(bytes.Length);
    }

    [Fact]
    public void TryRead_RepliesBackToBack_ReadsEachInOrderAndStopsAtPartialOne()
    {
        var bytes = Bytes("+OK\r\n:5\r\n$3\r\nabc\r\n*1\r\n$2\r\nx");
        var reader = new SequenceReader<byte>(Bytewise(bytes));

        RespParser.TryRead(ref reader, out var first).ShouldBeTrue();
        RespParser.TryRead(ref reader, out var second).ShouldBeTrue();
        RespParser.TryRead(ref reader, out var third).ShouldBeTrue();
        var consumedBeforePartial = reader.Consumed;
        RespParser.TryRead(ref reader, out _).ShouldBeFalse();

        first.ToString().ShouldBe("OK");
        second.ToInt64().ShouldBe(5);
        third.ToString().ShouldBe("abc");
        reader.Consumed.ShouldBe(consumedBeforePartial);
    }

    [Theory]
    [MemberData(nameof(RespCases.MalformedNames), MemberType = typeof(RespCases))]
    public void TryRead_MalformedInput_ThrowsProtocolException(string name)
    {
        var bytes = Bytes(RespCases.Malformed[name]);

        var error = Should.Throw<RedisProtocolException>(() => Read(new ReadOnlySequence<byte>(bytes)));

        error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(RespCases.MalformedNames), MemberType = typeof(RespCases))]
    public void TryRead_MalformedInputInOneByteSegments_ThrowsProtocolException(string name)
    {
        var bytes = Bytes(RespCases.Malformed[name]);

        Should.Throw<RedisProtocolException>(() => Read(Bytewise(bytes)));
    }

    [Fact]
    public void TryRead_UnknownTypeByte_NamesTheByte()
    {
        var error = Should.Throw<RedisProtocolException>(() => Read(new ReadOnlySequence<byte>(Bytes("?x\r\n"))));

        error.Message.ShouldContain("0x3F");
    }

    [Fact]
    public void TryRead_BulkHeaderWithoutPayload_NeedsMoreDataEvenForLargeLengths()
    {
        var (complete, _, consumed) = Read(new ReadOnlySequence<byte>(Bytes("$100000\r\nabc")));

        complete.ShouldBeFalse();
        consumed.ShouldBe(0);
    }

    private static (bool Complete, RedisValue Value, long Consumed) Read(ReadOnlySequence<byte> input)
    {
        var reader = new SequenceReader<byte>(input);
        var complete = RespParser.TryRead(ref reader, out var value);
        return (complete, value, reader.Consumed);
    }
}
