using System.Globalization;
using IncidentPlatform.Bench.Store;

namespace IncidentPlatform.Bench.Crash;

/// <summary>
/// kill -9 of the store's server while sixteen writers go through the Redis store code as fast as they can
/// (<see cref="CrashWriters"/>), then the server started again on its data: per round, the writes acknowledged, those
/// lost, and the scripts found applied in part (<see cref="CrashCheck"/>). Servers: redis-server with
/// <c>appendfsync always</c>, and Garnet with its AOF and commit wait (the Garnet trial's criterion: acknowledged
/// writes survive kill -9), or without the commit wait (<c>garnet-nowait</c>, Garnet's default).
/// </summary>
internal sealed class StoreCrashBenchmark : IBenchmark
{
    public string Name => "store-crash";

    public string Description => "kill -9 of the store's server mid-write: acknowledged writes lost, scripts half applied (redis, garnet[-nowait])";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var (rounds, seconds, servers) = (5, 3.0, new[] { "redis", "garnet" });
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--servers": servers = args[i + 1].Split(','); break;
                default:
                    Console.Error.WriteLine("usage: store-crash [--rounds 5] [--seconds 3] [--servers redis,garnet,garnet-nowait]");
                    return 2;
            }
        }

        Console.WriteLine($"{rounds} rounds per server, {seconds} s of writes before each kill; {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"server",-13} {"round",5} {"acknowledged",13} {"lost",6} {"half-applied",13}");
        var failed = false;
        foreach (var kind in servers)
        {
            for (var round = 1; round <= rounds; round++)
            {
                var (acknowledged, lost, broken) = await RoundAsync(kind, round, TimeSpan.FromSeconds(seconds), cancellationToken);
                failed |= lost > 0 || broken > 0;
                Console.WriteLine($"{kind,-13} {round,5} {acknowledged,13:N0} {lost,6} {broken,13}");
            }
        }

        return failed ? 1 : 0;
    }

    private static async Task<(int Acknowledged, int Lost, int HalfApplied)> RoundAsync(
        string kind, int round, TimeSpan writing, CancellationToken cancellationToken)
    {
        await using var server = new CrashServer(kind);
        await server.StartAsync(cancellationToken);
        await using var store = await BenchStore.OpenAsync("redis-at:" + server.ConnectionString, cancellationToken,
            ("IncidentPlatform:MaxAlertsPerIncident", "100000"));
        var writers = new CrashWriters(store.Services, $"r{round}");
        await writers.OpenSharedAsync();
        using var stop = new CancellationTokenSource();
        var running = writers.RunAsync(stop.Token);
        await Task.Delay(writing, cancellationToken);
        await server.KillAsync();
        await stop.CancelAsync();
        await running;

        await server.StartAsync(cancellationToken);
        var redis = store.Redis!;
        for (var waited = 0; !redis.IsConnected && waited < 300; waited++)
        {
            await Task.Delay(100, cancellationToken);
        }

        return (writers.Acknowledged, await CrashCheck.LostAsync(store.Services, writers),
            await CrashCheck.HalfAppliedAsync(redis, writers.SharedId));
    }
}
