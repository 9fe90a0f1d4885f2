using System.Globalization;

namespace IncidentPlatform.Bench.Store;

/// <summary>The <c>store</c> benchmark's arguments.</summary>
internal sealed record StoreBenchmarkSettings(int Callers, int Fingerprints, int Alerts, int Gets, int Lists, IReadOnlyList<string> Stores)
{
    public const string Usage =
        "store [-c callers=50] [--fingerprints 1000] [--alerts 20000] [--gets 50000] [--lists 5000] " +
        "[--stores embedded,redis,redis-always]";

    public static StoreBenchmarkSettings Parse(string[] args)
    {
        var settings = new StoreBenchmarkSettings(50, 1_000, 20_000, 50_000, 5_000, ["embedded", "redis", "redis-always"]);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            settings = args[i] switch
            {
                "-c" => settings with { Callers = Positive(args[i], value) },
                "--fingerprints" => settings with { Fingerprints = Positive(args[i], value) },
                "--alerts" => settings with { Alerts = Positive(args[i], value) },
                "--gets" => settings with { Gets = Positive(args[i], value) },
                "--lists" => settings with { Lists = Positive(args[i], value) },
                "--stores" => settings with { Stores = ParseStores(value) },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: {Usage}"),
            };
            i++;
        }

        return settings;
    }

    private static string[] ParseStores(string value)
    {
        var stores = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return stores.Length > 0 && stores.All(s => s is "embedded" or "redis" or "redis-always")
            ? stores
            : throw new ArgumentException($"--stores takes embedded, redis and/or redis-always, not '{value}'.");
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} needs a positive whole number, not '{value}'.");
}
