using System.Globalization;
using IncidentPlatform.Bench.Store;
using StackExchange.Redis;

namespace IncidentPlatform.Bench.Redis;

/// <summary>
/// The Redis path against redis-benchmark on the same server, same load, same run: the incident store's single-key
/// calls (registered as the services register it: the cache's SET and GET, the log's RPUSH, the counter's script),
/// StackExchange.Redis sending the same commands, and redis-benchmark running them, with 50 clients at pipeline depth
/// 1 and 16. Prints requests per second of each, the ratios to redis-benchmark (target: the store ≥ 0.7×), and the
/// bytes this process allocated per store call.
/// </summary>
internal sealed class RedisBenchmark : IBenchmark
{
    private const double Target = 0.7;

    public string Name => "redis";

    public string Description => "the store's single-key Redis calls and StackExchange.Redis vs redis-benchmark, same commands (50 clients, -P 1 and 16)";

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

        await using var store = await BenchStore.OpenAsync(settings.Server is null ? "redis" : "redis-at:" + settings.Server, cancellationToken);
        var redis = store.Redis ?? throw new InvalidOperationException("The Redis store has no multiplexer.");
        var endPoint = redis.GetEndPoints()[0];
        Console.WriteLine($"server {endPoint}, {settings.Requests} requests per test, {settings.Clients} clients, " +
                          $"{settings.DataSize}-byte values, {Environment.ProcessorCount} cores");

        var operations = RedisOperation.All(redis, store.Services, settings.DataSize);
        foreach (var operation in operations)
        {
            // JIT and tiering warm-up, not measured.
            await ClientLoad.RunAsync(operation.Direct, settings.Clients, 16, Math.Min(settings.Requests, 50_000));
            await ClientLoad.RunAsync(operation.Store, settings.Clients, 16, Math.Min(settings.Requests, 50_000));
        }

        var rows = new List<Row>();
        foreach (var pipeline in settings.Pipelines)
        {
            foreach (var operation in operations)
            {
                var reference = await RedisBenchmarkTool.RunAsync(endPoint, settings, pipeline, operation.Command, cancellationToken);
                var direct = await ClientLoad.RunAsync(operation.Direct, settings.Clients, pipeline, settings.Requests);
                var viaStore = await ClientLoad.RunAsync(operation.Store, settings.Clients, pipeline, settings.Requests);
                rows.Add(new Row(operation, pipeline, reference, direct.Rate, viaStore.Rate, viaStore.AllocatedPerRequest));
            }
        }

        Print(rows);
        return rows.All(r => r.Store >= Target * r.Reference) ? 0 : 1;
    }

    private static void Print(List<Row> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"{"command",-8} {"-P",3} {"redis-benchmark/s",18} {"SE.Redis/s",11} {"ratio",6} {"store/s",9} {"ratio",6} {"store B/op",11}  store call");
        foreach (var row in rows)
        {
            var direct = row.Reference > 0 ? row.Direct / row.Reference : double.NaN;
            var store = row.Reference > 0 ? row.Store / row.Reference : double.NaN;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Operation.Name,-8} {row.Pipeline,3} {row.Reference,18:N0} {row.Direct,11:N0} {direct,6:0.00} {row.Store,9:N0} " +
                $"{store,6:0.00} {row.Allocated,11:0}  {row.Operation.StoreCall}{(store >= Target ? "" : "  < target")}"));
        }
    }

    private sealed record Row(RedisOperation Operation, int Pipeline, double Reference, double Direct, double Store, double Allocated);
}
