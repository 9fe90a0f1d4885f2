namespace IncidentPlatform.Bench.Redis;

/// <summary>The <c>redis</c> benchmark's arguments, named as redis-benchmark names them.</summary>
internal sealed record RedisBenchmarkSettings(
    string? Server,
    int Requests,
    int Clients,
    int DataSize,
    IReadOnlyList<int> Pipelines)
{
    public const string Usage =
        "redis [--server host:port] [-n requests=200000] [-c clients=50] [-d bytes=3] [--pipelines 1,16]";

    public static RedisBenchmarkSettings Parse(string[] args)
    {
        var settings = new RedisBenchmarkSettings(null, 200_000, 50, 3, [1, 16]);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            settings = args[i] switch
            {
                "--server" => settings with { Server = value },
                "-n" => settings with { Requests = BenchArguments.Positive(args[i], value) },
                "-c" => settings with { Clients = BenchArguments.Positive(args[i], value) },
                "-d" => settings with { DataSize = BenchArguments.Positive(args[i], value) },
                "--pipelines" => settings with { Pipelines = [.. value.Split(',').Select(p => BenchArguments.Positive("--pipelines", p))] },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: {Usage}"),
            };
            i++;
        }

        return settings;
    }
}
