using System.Globalization;
using IncidentPlatform.Bench.Store;

namespace IncidentPlatform.Bench.Ingest;

/// <summary>
/// Standalone alert ingest: <c>-c</c> concurrent senders posting alerts to the standalone host's <c>/api/alerts</c>
/// (each with its own id, so a durable de-duplication write precedes every 202), measured against a bare Kestrel
/// endpoint that only parses JSON and answers 202, in the same run, each server in a process of its own. Targets:
/// <c>bare</c>, and the standalone host on the embedded journal (<c>embedded</c>), on redis-server with
/// <c>appendfsync always</c> (<c>redis</c>), and on Garnet with its AOF and commit wait (<c>garnet</c>).
/// </summary>
internal sealed class IngestBenchmark : IBenchmark
{
    private const double Target = 10_000;

    public string Name => "ingest";

    public string Description => "standalone alert ingest (POST /api/alerts → 202) vs a bare Kestrel endpoint, per store";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        IngestSettings settings;
        try
        {
            settings = IngestSettings.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        Console.WriteLine($"{settings.Senders} senders, {settings.Alerts} alerts per target after {settings.Warmup} to warm up, " +
                          $"{settings.Fingerprints} services, log level {settings.LogLevel ?? "as configured"}; {Environment.ProcessorCount} cores");
        var rows = new List<(string Target, LoadResult Result)>();
        foreach (var kind in settings.Targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var target = await IngestTarget.StartAsync(kind, settings.LogLevel, cancellationToken);
            using var senders = new AlertSenders(target.BaseAddress, settings.Senders, settings.Fingerprints);
            Console.WriteLine($"measuring {kind}…");
            await senders.SendAsync(settings.Warmup);
            rows.Add((kind, await senders.SendAsync(settings.Alerts)));
        }

        Print(rows);
        return rows.Where(r => r.Target != "bare").All(r => r.Result.PerSecond >= Target) ? 0 : 1;
    }

    private static void Print(List<(string Target, LoadResult Result)> rows)
    {
        var bare = rows.FirstOrDefault(r => r.Target == "bare").Result?.PerSecond;
        Console.WriteLine();
        Console.WriteLine($"{"target",-10} {"alerts/s",10} {"× bare",7} {"p50 ms",8} {"p99 ms",8}");
        foreach (var (target, result) in rows)
        {
            var ratio = bare is > 0 ? (result.PerSecond / bare.Value).ToString("0.00", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target,-10} {result.PerSecond,10:N0} {ratio,7} {result.P50Milliseconds,8:0.00} {result.P99Milliseconds,8:0.00}" +
                $"{(target == "bare" || result.PerSecond >= Target ? "" : "  < 10,000/s")}"));
        }
    }
}
