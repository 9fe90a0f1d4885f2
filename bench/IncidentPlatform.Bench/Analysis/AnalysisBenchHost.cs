using IncidentPlatform.Analysis;
using IncidentPlatform.Analysis.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentPlatform.Bench.Analysis;

/// <summary>The analysis module over the embedded store in <c>data</c>, for the analysis benchmarks.</summary>
internal static class AnalysisBenchHost
{
    public static IHost Build(string data, ModelChain? chain, IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IncidentPlatform:Store"] = "embedded",
            ["IncidentPlatform:DataDirectory"] = data,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        if (chain is not null)
        {
            builder.Services.AddSingleton(chain);
        }

        builder.AddAnalysisModule();
        return builder.Build();
    }
}
