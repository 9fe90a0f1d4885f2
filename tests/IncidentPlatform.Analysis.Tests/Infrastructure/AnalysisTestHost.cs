using IncidentPlatform.Analysis.Pipeline;
using IncidentPlatform.Analysis.Providers;
using IncidentPlatform.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentPlatform.Analysis.Tests.Infrastructure;

/// <summary>The analysis module over in-memory stores and a manual clock, with the given configuration and, optionally,
/// model providers standing in for the configured ones.</summary>
internal sealed class AnalysisTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private AnalysisTestHost(IHost host, ManualTimeProvider time, InMemoryIncidentStore store, InMemoryKeyStore keys)
    {
        _host = host;
        Time = time;
        Store = store;
        Keys = keys;
    }

    public ManualTimeProvider Time { get; }

    public InMemoryIncidentStore Store { get; }

    public InMemoryKeyStore Keys { get; }

    public IServiceProvider Services => _host.Services;

    public AnalysisPipeline Pipeline => Services.GetRequiredService<AnalysisPipeline>();

    /// <summary>A host; <paramref name="keys"/> and <paramref name="time"/> may be shared with another host (two replicas).</summary>
    public static AnalysisTestHost Create(
        IDictionary<string, string?>? configuration = null, IReadOnlyList<ModelProvider>? providers = null,
        InMemoryKeyStore? keys = null, ManualTimeProvider? time = null, InMemoryIncidentStore? store = null,
        Action<IServiceCollection>? services = null)
    {
        time ??= new ManualTimeProvider();
        store ??= new InMemoryIncidentStore();
        keys ??= new InMemoryKeyStore(time);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IIncidentStore>(store);
        builder.Services.AddSingleton<ICacheStore>(keys);
        builder.Services.AddSingleton<ICounterStore>(keys);
        builder.Services.AddSingleton<IIdempotencyStore>(keys);
        if (providers is not null)
        {
            builder.Services.AddSingleton(new ModelChain(providers));
        }

        services?.Invoke(builder.Services);
        builder.AddAnalysisModule();
        return new AnalysisTestHost(builder.Build(), time, store, keys);
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }
}
