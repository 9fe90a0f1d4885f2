using System.Globalization;

namespace IncidentPlatform.Detector.Demo;

/// <summary>The demo log's line format and random values.</summary>
internal static class DemoLines
{
    public static string Line(DateTimeOffset at, string level, string service, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}Z {level,-5} [{service}] {text}");

    public static string Hex(Random random, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[random.Next(16)];
        }

        return new string(chars);
    }

    public static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];

    public static string Ip(Random random) => $"10.{random.Next(0, 4)}.{random.Next(0, 255)}.{random.Next(1, 254)}";

    public static string Pod(Random random, string service) => $"{service}-{Hex(random, 9)}-{Hex(random, 5)}";
}
