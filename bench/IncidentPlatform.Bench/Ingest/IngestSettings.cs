namespace IncidentPlatform.Bench.Ingest;

/// <summary>The <c>ingest</c> benchmark's arguments.</summary>
internal sealed record IngestSettings(
    int Senders, int Alerts, int Warmup, int Fingerprints, string? LogLevel, IReadOnlyList<string> Targets)
{
    public static readonly string[] Known = ["bare", "embedded", "redis", "garnet"];

    public const string Usage =
        "ingest [-c senders=50] [-n alerts=30000] [--warmup 5000] [--fingerprints 200] [--log-level Information] " +
        "[--targets bare,embedded,redis,garnet]";

    public static IngestSettings Parse(string[] args)
    {
        var settings = new IngestSettings(50, 30_000, 5_000, 200, null, Known);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            settings = args[i] switch
            {
                "-c" => settings with { Senders = BenchArguments.Positive(args[i], value) },
                "-n" => settings with { Alerts = BenchArguments.Positive(args[i], value) },
                "--warmup" => settings with { Warmup = BenchArguments.Positive(args[i], value) },
                "--fingerprints" => settings with { Fingerprints = BenchArguments.Positive(args[i], value) },
                "--log-level" => settings with { LogLevel = value },
                "--targets" => settings with { Targets = BenchArguments.Choice(args[i], value, Known) },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: {Usage}"),
            };
            i++;
        }

        return settings;
    }
}
