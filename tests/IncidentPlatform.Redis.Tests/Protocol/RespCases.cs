using System.Text;

namespace IncidentPlatform.Redis.Tests.Protocol;

/// <summary>Well-formed replies of every RESP2 type, by name, with the value each parses to.</summary>
internal static class RespCases
{
    public static readonly IReadOnlyDictionary<string, (string Wire, RedisValue Expected)> Valid =
        new Dictionary<string, (string, RedisValue)>
        {
            ["simple string"] = ("+OK\r\n", Simple("OK")),
            ["empty simple string"] = ("+\r\n", Simple("")),
            ["error"] = ("-WRONGTYPE Operation against a key\r\n", RedisValue.FromError("WRONGTYPE Operation against a key")),
            ["zero"] = (":0\r\n", RedisValue.FromInteger(0)),
            ["negative integer"] = (":-42\r\n", RedisValue.FromInteger(-42)),
            ["explicit plus integer"] = (":+7\r\n", RedisValue.FromInteger(7)),
            ["max integer"] = (":9223372036854775807\r\n", RedisValue.FromInteger(long.MaxValue)),
            ["min integer"] = (":-9223372036854775808\r\n", RedisValue.FromInteger(long.MinValue)),
            ["bulk string"] = ("$5\r\nhello\r\n", RedisValue.Bulk("hello")),
            ["empty bulk string"] = ("$0\r\n\r\n", RedisValue.Bulk("")),
            ["bulk with CRLF inside"] = ("$4\r\na\r\nb\r\n", RedisValue.Bulk("a\r\nb")),
            ["utf-8 bulk"] = ("$6\r\nhé€\r\n", RedisValue.Bulk("hé€")),
            ["null bulk"] = ("$-1\r\n", RedisValue.Null),
            ["array"] = ("*2\r\n$3\r\nfoo\r\n:1\r\n", RedisValue.FromArray([RedisValue.Bulk("foo"), RedisValue.FromInteger(1)])),
            ["empty array"] = ("*0\r\n", RedisValue.FromArray([])),
            ["null array"] = ("*-1\r\n", RedisValue.Null),
            ["nested arrays"] = (
                "*3\r\n*2\r\n+a\r\n:1\r\n*0\r\n*1\r\n*1\r\n$1\r\nz\r\n",
                RedisValue.FromArray([
                    RedisValue.FromArray([Simple("a"), RedisValue.FromInteger(1)]),
                    RedisValue.FromArray([]),
                    RedisValue.FromArray([RedisValue.FromArray([RedisValue.Bulk("z")])]),
                ])),
            ["array of nulls and an error"] = (
                "*3\r\n$-1\r\n*-1\r\n-ERR inner\r\n",
                RedisValue.FromArray([RedisValue.Null, RedisValue.Null, RedisValue.FromError("ERR inner")])),
        };

    /// <summary>Malformed inputs, by name; each must raise <see cref="RedisProtocolException"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Malformed = new Dictionary<string, string>
    {
        ["unknown type byte"] = "?x\r\n",
        ["RESP3 type without HELLO 3"] = "_\r\n",
        ["letters in a length"] = "$abc\r\n",
        ["empty length"] = "$\r\n",
        ["bulk length -2"] = "$-2\r\nxx\r\n",
        ["array length -5"] = "*-5\r\n",
        ["bulk length past the limit"] = "$600000000\r\n",
        ["bulk not followed by CRLF"] = "$3\r\nfooXY",
        ["bulk followed by LF only"] = "$3\r\nfoo\n:1\r\n",
        ["line ending in LF only"] = "+OK\n",
        ["CR followed by another byte"] = "+OK\rX\r\n",
        ["letters in an integer"] = ":12a\r\n",
        ["sign without digits"] = ":-\r\n",
        ["empty integer"] = ":\r\n",
        ["integer overflow"] = ":9223372036854775808\r\n",
        ["integer too long"] = ":123456789012345678901\r\n",
        ["malformed element in an array"] = "*2\r\n:1\r\n%x\r\n",
        ["overlong line without CRLF"] = "+" + new string('a', RespParser.MaxLineLength + 10),
        ["overlong line with CRLF"] = "-" + new string('e', RespParser.MaxLineLength + 10) + "\r\n",
        ["arrays nested too deep"] = string.Concat(Enumerable.Repeat("*1\r\n", RespParser.MaxDepth + 1)) + ":1\r\n",
    };

    public static TheoryData<string> ValidNames => [.. Valid.Keys];

    public static TheoryData<string> MalformedNames => [.. Malformed.Keys];

    private static RedisValue Simple(string text) => RedisValue.FromString(RedisValueKind.SimpleString, Encoding.UTF8.GetBytes(text));
}
