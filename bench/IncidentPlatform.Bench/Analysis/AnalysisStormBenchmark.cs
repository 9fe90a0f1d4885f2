using System.Diagnostics;
using System.Globalization;
using IncidentPlatform.Testing.Evaluation;
using IncidentPlatform.Analysis.Pipeline;
using IncidentPlatform.Analysis.Providers;
using IncidentPlatform.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentPlatform.Bench.Analysis;

/// <summary>
/// An alert storm through the analysis pipeline: many incidents with the same normalized error fingerprint plus some
/// distinct ones, analyzed concurrently with a counting model client over the embedded store. Reports the cache hit
/// rate (target ≥ 80%), the model calls and tokens saved, and the throughput.
/// </summary>
internal sealed class AnalysisStormBenchmark : IBenchmark
{
    private const double Target = 0.8;

    public string Name => "analysis-storm";

    public string Description => "cache hit rate of the analysis in an alert storm [--incidents 1000 --storms 5 --distinct 100 --concurrency 8 --latency-ms 200]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var incidents = Option(args, "--incidents", 1000);
        var storms = Option(args, "--storms", 5);
        var distinct = Option(args, "--distinct", 100);
        var concurrency = Option(args, "--concurrency", 8);
        var latency = TimeSpan.FromMilliseconds(Option(args, "--latency-ms", 200));
        var directory = Corpus.FindDirectory(Directory.GetCurrentDirectory()) ?? Corpus.FindDirectory(AppContext.BaseDirectory);
        if (directory is null || distinct > incidents)
        {
            Console.Error.WriteLine(directory is null ? $"No corpus found ({Corpus.RelativeDirectory}); run from the repository." : "--distinct exceeds --incidents.");
            return 2;
        }

        var data = Path.Combine(Path.GetTempPath(), "incidentplatform-analysis-storm", Guid.NewGuid().ToString("N"));
        var model = new CountingChatClient(latency);
        try
        {
            using var host = Build(data, model, concurrency);
            var storm = StormIncidents.Create(Corpus.Load(directory), incidents, storms, distinct, seed: 20261121);
            var store = host.Services.GetRequiredService<IncidentPlatform.Store.IIncidentStore>();
            var seeded = new List<Incident>(storm.Count);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < storm.Count; i++)
            {
                seeded.Add(await Corpus.SeedAsync(store, storm[i].Scenario, $"inc-storm-{i:D5}", now, cancellationToken));
            }

            var pipeline = host.Services.GetRequiredService<AnalysisPipeline>();
            var results = new IncidentAnalysis[seeded.Count];
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, seeded.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (i, ct) => results[i] = await pipeline.AnalyzeAsync(seeded[i], force: false, ct));
            clock.Stop();
            Report(results, model, storms, distinct, concurrency, latency, clock.Elapsed);
            return (double)results.Count(r => r.Cached) / results.Length >= Target ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static IHost Build(string data, CountingChatClient model, int concurrency) =>
        AnalysisBenchHost.Build(data, new ModelChain([new ModelProvider("bench", "bench-model", model)]), new Dictionary<string, string?>
        {
            ["Analysis:Prices:bench-model:InputPerMillion"] = "3",
            ["Analysis:Prices:bench-model:OutputPerMillion"] = "15",
            ["Analysis:Budget:HourlyLimitUsd"] = "1000",
            ["Analysis:Budget:DailyLimitUsd"] = "10000",
            ["Analysis:Budget:MaxConcurrentCalls"] = concurrency.ToString(CultureInfo.InvariantCulture),
        });

    private static void Report(
        IncidentAnalysis[] results, CountingChatClient model, int storms, int distinct, int concurrency, TimeSpan latency, TimeSpan elapsed)
    {
        var hits = results.Count(r => r.Cached);
        var fingerprints = results.Select(r => r.CacheKey).Distinct().Count();
        var saved = results.Length - model.Calls;
        var perCall = CountingChatClient.InputTokens + CountingChatClient.OutputTokens;
        var costPerCall = results.Where(r => !r.Cached && r.CostUsd > 0).Select(r => r.CostUsd).DefaultIfEmpty(0).Average();
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            analysis-storm: {results.Length} incidents ({results.Length - distinct} of {storms} repeated failures, {distinct} distinct), concurrency {concurrency}, model latency {latency.TotalMilliseconds:0} ms
            distinct fingerprints: {fingerprints}
            model calls:           {model.Calls} (saved {saved} of {results.Length}, {(double)saved / results.Length:P1})
            cache:                 {hits} hits, {results.Length - hits} misses, hit rate {(double)hits / results.Length:P1} (target >= {Target:P0})
            tokens:                spent {model.Calls * perCall:N0}, saved {saved * perCall:N0}; cost spent ${results.Sum(r => r.CostUsd):0.00}, saved ${saved * costPerCall:0.00}
            fallbacks:             {results.Count(r => r.FallbackReason is not null)}
            time:                  {elapsed.TotalSeconds:0.0} s, {results.Length / elapsed.TotalSeconds:0} analyses/s
            """);
        Console.WriteLine(text);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
