namespace IncidentPlatform.Redis.Tests;

public sealed class RedisValueTests
{
    [Fact]
    public void ToInt64_BulkStringOfDigits_ParsesIt()
    {
        RedisValue.Bulk("-17").ToInt64().ShouldBe(-17);
    }

    [Fact]
    public void ToInt64_NonNumericString_ThrowsInvalidCast()
    {
        Should.Throw<InvalidCastException>(() => RedisValue.Bulk("abc").ToInt64());
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    public void ToDouble_ScoreText_ParsesIt(string text, double expected)
    {
        RedisValue.Bulk(text).ToDouble().ShouldBe(expected);
    }

    [Fact]
    public void Null_HasNullTextAndNoBytes()
    {
        RedisValue.Null.IsNull.ShouldBeTrue();
        RedisValue.Null.ToString().ShouldBeNull();
        RedisValue.Null.ToArray().ShouldBeNull();
        RedisValue.Null.Length.ShouldBe(0);
    }

    [Fact]
    public void Equals_SameBytesDifferentKind_IsFalse()
    {
        var simple = RedisValue.FromString(RedisValueKind.SimpleString, "OK"u8.ToArray());

        simple.ShouldNotBe(RedisValue.Bulk("OK"));
        RedisValue.Bulk("OK").ShouldBe(RedisValue.Bulk("OK"));
        RedisValue.Bulk("OK").GetHashCode().ShouldBe(RedisValue.Bulk("OK").GetHashCode());
    }
}
