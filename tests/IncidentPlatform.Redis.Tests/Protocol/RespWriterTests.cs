using System.Buffers;
using System.Text;

namespace IncidentPlatform.Redis.Tests.Protocol;

public sealed class RespWriterTests
{
    [Fact]
    public void WriteCommand_MixedArguments_EncodesArrayOfBulkStrings()
    {
        var buffer = new ArrayBufferWriter<byte>();

        RespWriter.WriteCommand(buffer, "SET", ["key:é", new byte[] { 0, 13, 10 }, 42L, -7, 1.5]);

        Encoding.UTF8.GetString(buffer.WrittenSpan).ShouldBe(
            "*6\r\n$3\r\nSET\r\n$6\r\nkey:é\r\n$3\r\n\0\r\n\r\n$2\r\n42\r\n$2\r\n-7\r\n$3\r\n1.5\r\n");
    }

    [Fact]
    public void WriteCommand_ThreeParts_WritesThemInOrderWithOneCount()
    {
        var buffer = new ArrayBufferWriter<byte>();

        RespWriter.WriteCommand(buffer, "EVALSHA", ["abc", 1], ["k"], ["a", "b"]);

        Encoding.UTF8.GetString(buffer.WrittenSpan).ShouldBe(
            "*6\r\n$7\r\nEVALSHA\r\n$3\r\nabc\r\n$1\r\n1\r\n$1\r\nk\r\n$1\r\na\r\n$1\r\nb\r\n");
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5e-300, "-2.5E-300")]
    public void WriteCommand_Double_EncodesRoundTrippableText(double value, string expected)
    {
        var buffer = new ArrayBufferWriter<byte>();

        RespWriter.WriteCommand(buffer, "X", [value]);

        Encoding.UTF8.GetString(buffer.WrittenSpan).ShouldEndWith($"${expected.Length}\r\n{expected}\r\n");
    }

    [Fact]
    public void RedisArgument_NaN_IsRejected()
    {
        Should.Throw<ArgumentException>(() => { RedisArgument argument = double.NaN; });
    }

    [Fact]
    public void RedisArgument_NullString_IsRejected()
    {
        string? missing = null;

        Should.Throw<ArgumentNullException>(() => { RedisArgument argument = missing!; });
    }

    [Fact]
    public void WriteCommand_LargeValue_GrowsPooledBuffer()
    {
        var buffer = new CommandBuffer();
        var value = new byte[200_000];
        value.AsSpan().Fill((byte)'v');

        RespWriter.WriteCommand(buffer, "SET", ["k", value]);
        RespWriter.WriteCommand(buffer, "GET", ["k"]);

        var expectedLength = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$200000\r\n\r\n".Length + value.Length + "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n".Length;
        buffer.WrittenCount.ShouldBe(expectedLength);
        Encoding.UTF8.GetString(buffer.WrittenMemory.Span[^30..]).ShouldEndWith("vv\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n");
        buffer.Reset();
        buffer.WrittenCount.ShouldBe(0);
        buffer.Release();
    }
}
