namespace IncidentPlatform.Bench.Store;

/// <summary>The <c>store</c> benchmark's arguments.</summary>
internal sealed record StoreBenchmarkSettings(int Callers, int Fingerprints, int Alerts, int Gets, int Lists, IReadOnlyList<string> Stores)
{
    public const string Usage =
        "store [-c callers=50] [--fingerprints 1000] [--alerts 20000] [--gets 50000] [--lists 5000] " +
        "[--stores embedded,redis,redis-always,garnet]";

    public static StoreBenchmarkSettings Parse(string[] args)
    {
        var settings = new StoreBenchmarkSettings(50, 1_000, 20_000, 50_000, 5_000, BenchStore.Kinds);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            settings = args[i] switch
            {
                "-c" => settings with { Callers = BenchArguments.Positive(args[i], value) },
                "--fingerprints" => settings with { Fingerprints = BenchArguments.Positive(args[i], value) },
                "--alerts" => settings with { Alerts = BenchArguments.Positive(args[i], value) },
                "--gets" => settings with { Gets = BenchArguments.Positive(args[i], value) },
                "--lists" => settings with { Lists = BenchArguments.Positive(args[i], value) },
                "--stores" => settings with { Stores = BenchArguments.Choice(args[i], value, BenchStore.Kinds) },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: {Usage}"),
            };
            i++;
        }

        return settings;
    }
}
