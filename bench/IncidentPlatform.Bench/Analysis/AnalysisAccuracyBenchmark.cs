using IncidentPlatform.Testing.Evaluation;
using IncidentPlatform.Analysis.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Bench.Analysis;

/// <summary>The offline analyzer on the labelled corpus: category and action accuracy per expected category.</summary>
internal sealed class AnalysisAccuracyBenchmark : IBenchmark
{
    public string Name => "analysis-accuracy";

    public string Description => "offline analyzer's category and action accuracy on the corpus: development, then held out [--development]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var directory = Corpus.FindDirectory(Directory.GetCurrentDirectory()) ?? Corpus.FindDirectory(AppContext.BaseDirectory);
        if (directory is null)
        {
            Console.Error.WriteLine($"No corpus found ({Corpus.RelativeDirectory}); run from the repository.");
            return 2;
        }

        var report = new AccuracyReport();
        var data = Path.Combine(Path.GetTempPath(), "incidentplatform-analysis-accuracy", Guid.NewGuid().ToString("N"));
        try
        {
            using var host = AnalysisBenchHost.Build(data, chain: null, new Dictionary<string, string?>());
            var store = host.Services.GetRequiredService<IncidentPlatform.Store.IIncidentStore>();
            var pipeline = host.Services.GetRequiredService<AnalysisPipeline>();
            // --development leaves the held-out quarter unread, for working on the analyzer without seeing it.
            var scenarios = args.Contains("--development") ? Corpus.Load(directory) : [.. Corpus.Load(directory), .. Corpus.LoadHeldOut(directory)];
            foreach (var scenario in scenarios)
            {
                // One service per scenario, so that no scenario sees another as a similar incident.
                var isolated = scenario with { Service = $"{scenario.Service}-{scenario.Id}" };
                var incident = await Corpus.SeedAsync(store, isolated, "inc-" + scenario.Id, DateTimeOffset.UtcNow, cancellationToken);
                report.Add(scenario, await pipeline.AnalyzeAsync(incident, force: false, cancellationToken));
            }
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }

        Console.WriteLine($"offline analyzer on {report.Count} scenarios of {directory}");
        Console.WriteLine(report.Table());
        Console.WriteLine(report.Summary());
        foreach (var miss in report.Misses())
        {
            Console.WriteLine("miss: " + miss);
        }

        return 0;
    }
}
