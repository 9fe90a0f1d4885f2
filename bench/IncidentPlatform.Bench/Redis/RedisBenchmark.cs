using System.Globalization;
using IncidentPlatform.Redis;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Bench.Redis;

/// <summary>
/// Our RESP client against redis-benchmark on the same server, same load: SET and GET, 50 clients, pipeline depth 1
/// and 16. Prints requests per second of each, the ratio (target: ours ≥ 0.7× redis-benchmark), and the bytes our
/// process allocated per request.
/// </summary>
internal sealed class RedisBenchmark : IBenchmark
{
    private const double Target = 0.7;

    public string Name => "redis";

    public string Description => "our Redis client vs redis-benchmark (SET/GET, 50 clients, -P 1 and 16)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        RedisBenchmarkSettings settings;
        try
        {
            settings = RedisBenchmarkSettings.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        await using var ownServer = settings.Server is null ? await RedisServer.StartNewAsync(cancellationToken: cancellationToken) : null;
        var options = RedisOptions.Parse(settings.Server ?? ownServer!.ConnectionString);
        options.CommandTimeout = TimeSpan.FromSeconds(30);
        await using var connection = await RedisConnection.ConnectAsync(options, cancellationToken: cancellationToken);
        var load = new ClientLoad(connection, settings);
        Console.WriteLine($"server {options.EndPoint}, {settings.Requests} requests per test, {settings.Clients} clients, " +
                          $"{settings.DataSize}-byte values, keyspace {(settings.KeySpace == 0 ? "1 key" : settings.KeySpace)}, " +
                          $"{Environment.ProcessorCount} cores");

        await load.RunAsync("SET", 16, Math.Min(settings.Requests, 100_000)); // JIT and tiering warm-up, not measured
        await load.RunAsync("GET", 1, Math.Min(settings.Requests, 50_000));

        var rows = new List<(string Operation, int Pipeline, double Reference, double Ours, double Allocated)>();
        foreach (var pipeline in settings.Pipelines)
        {
            var reference = await RedisBenchmarkTool.RunAsync(options.Host, options.Port, settings, pipeline, cancellationToken);
            foreach (var operation in new[] { "SET", "GET" })
            {
                var (ours, allocated) = await load.RunAsync(operation, pipeline, settings.Requests);
                rows.Add((operation, pipeline, reference.GetValueOrDefault(operation), ours, allocated));
            }
        }

        Print(rows);
        return rows.All(r => r.Ours >= Target * r.Reference) ? 0 : 1;
    }

    private static void Print(List<(string Operation, int Pipeline, double Reference, double Ours, double Allocated)> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"{"operation",-9} {"pipeline",8} {"redis-benchmark ops/s",22} {"ours ops/s",12} {"ratio",6} {"ours B/op",10}");
        foreach (var (operation, pipeline, reference, ours, allocated) in rows)
        {
            var ratio = reference > 0 ? ours / reference : double.NaN;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{operation,-9} {pipeline,8} {reference,22:N0} {ours,12:N0} {ratio,6:0.00} {allocated,10:0.0}{(ratio >= Target ? "" : "  < target")}"));
        }
    }
}
