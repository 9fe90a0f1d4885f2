using IncidentPlatform.Analysis.Pipeline;
using IncidentPlatform.Analysis.Providers;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentPlatform.Analysis.Tests.Infrastructure;

/// <summary>
/// The analysis module over the embedded store (in a temporary directory) and a manual clock, with the given
/// configuration and, optionally, model providers standing in for the configured ones. A second host may share the
/// first one's store, as two replicas share Redis.
/// </summary>
internal sealed class AnalysisTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _directory;

    private AnalysisTestHost(IHost host, ManualTimeProvider time, string? directory)
    {
        _host = host;
        Time = time;
        _directory = directory;
    }

    public ManualTimeProvider Time { get; }

    public IServiceProvider Services => _host.Services;

    public IIncidentStore Store => Services.GetRequiredService<IIncidentStore>();

    public ICounterStore Counters => Services.GetRequiredService<ICounterStore>();

    public AnalysisPipeline Pipeline => Services.GetRequiredService<AnalysisPipeline>();

    public static AnalysisTestHost Create(
        IDictionary<string, string?>? configuration = null, IReadOnlyList<ModelProvider>? providers = null,
        AnalysisTestHost? shareStoreWith = null, Action<IServiceCollection>? services = null)
    {
        var time = shareStoreWith?.Time ?? new ManualTimeProvider(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        string? directory = null;
        if (shareStoreWith is null)
        {
            directory = Path.Combine(Path.GetTempPath(), "incidentplatform-analysis-tests", Guid.NewGuid().ToString("N"));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["IncidentPlatform:Store"] = "embedded",
                ["IncidentPlatform:DataDirectory"] = directory,
            });
        }
        else
        {
            var shared = shareStoreWith.Services;
            builder.Services.AddSingleton(shared.GetRequiredService<IIncidentStore>());
            builder.Services.AddSingleton(shared.GetRequiredService<ICacheStore>());
            builder.Services.AddSingleton(shared.GetRequiredService<ICounterStore>());
            builder.Services.AddSingleton(shared.GetRequiredService<IIdempotencyStore>());
        }

        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        if (providers is not null)
        {
            builder.Services.AddSingleton(new ModelChain(providers));
        }

        services?.Invoke(builder.Services);
        builder.AddAnalysisModule();
        return new AnalysisTestHost(builder.Build(), time, directory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
