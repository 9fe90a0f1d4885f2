using System.Globalization;

namespace IncidentPlatform.Bench.Store;

/// <summary>
/// Incident store operations per second, embedded store vs Redis store (redis-server with appendfsync everysec and
/// always, Garnet in-process with its AOF and commit wait), from
/// concurrent callers: an alert correlated into its incident (find-or-open, add alert, versioned update), get
/// incident, a filtered page of 50 (status + service), and a page of 50 of a text search matching one in ten.
/// </summary>
internal sealed class StoreBenchmark : IBenchmark
{
    public string Name => "store";

    public string Description => "incident store ops/s: embedded vs Redis (everysec, always) vs Garnet; correlate alert, get, list, search";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        StoreBenchmarkSettings settings;
        try
        {
            settings = StoreBenchmarkSettings.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        Console.WriteLine($"{settings.Callers} concurrent callers, {settings.Fingerprints} fingerprints, {settings.Alerts} alerts, " +
                          $"{settings.Gets} gets, {settings.Lists} list pages per store; {Environment.ProcessorCount} cores");
        var rows = new List<(string Store, LoadResult Alerts, LoadResult Gets, LoadResult Lists, LoadResult Searches)>();
        foreach (var kind in settings.Stores)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var store = await BenchStore.OpenAsync(kind, cancellationToken);
            Console.WriteLine($"measuring {store.Name}…");
            var workload = new StoreWorkload(store.Incidents, store.Services, settings);
            await workload.WarmUpAsync();
            rows.Add((store.Name, await workload.AlertsAsync(settings.Alerts), await workload.GetsAsync(settings.Gets),
                await workload.ListsAsync(settings.Lists), await workload.SearchesAsync(settings.Lists)));
        }

        Print(rows);
        return 0;
    }

    private static void Print(List<(string Store, LoadResult Alerts, LoadResult Gets, LoadResult Lists, LoadResult Searches)> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"{"store",-38} {"correlate alert/s",18} {"p50/p99 ms",13} {"get/s",9} {"p50/p99 ms",13} " +
                          $"{"list page/s",12} {"p50/p99 ms",13} {"search page/s",14} {"p50/p99 ms",13}");
        foreach (var (store, alerts, gets, lists, searches) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{store,-38} {alerts.PerSecond,18:N0} {Latency(alerts),13} {gets.PerSecond,9:N0} {Latency(gets),13} " +
                $"{lists.PerSecond,12:N0} {Latency(lists),13} {searches.PerSecond,14:N0} {Latency(searches),13}"));
        }
    }

    private static string Latency(LoadResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.P50Milliseconds:0.00}/{result.P99Milliseconds:0.00}");
}
