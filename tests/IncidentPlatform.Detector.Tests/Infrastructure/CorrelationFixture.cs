using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Detector.Tests.Infrastructure;

/// <summary>
/// The correlation on a real embedded store and a fake clock. <see cref="Replica"/> builds another correlator on the same
/// store (its own silence cache and state), as a second detector process would have.
/// </summary>
public sealed class CorrelationFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private readonly TestStore _store;

    private CorrelationFixture(TestStore store, FakeClock clock, CorrelationOptions options)
    {
        _store = store;
        Clock = clock;
        Options = options;
        Correlator = Replica();
    }

    public FakeClock Clock { get; }

    internal CorrelationOptions Options { get; }

    internal IncidentCorrelator Correlator { get; }

    public IIncidentStore Incidents => _store.Incidents;

    public IDocumentStore Documents => _store.Services.GetRequiredService<IDocumentStore>();

    internal ICacheStore Cache => _store.Services.GetRequiredService<ICacheStore>();

    /// <summary>On the embedded store, or on the Redis store at <paramref name="redis"/> when given.</summary>
    internal static async Task<CorrelationFixture> StartAsync(Action<CorrelationOptions>? configure = null, string? redis = null)
    {
        var clock = new FakeClock(T0);
        var options = new CorrelationOptions();
        configure?.Invoke(options);
        var store = redis is null ? await TestStore.EmbeddedAsync(clock) : await TestStore.RedisAsync(redis, clock);
        return new CorrelationFixture(store, clock, options);
    }

    internal IncidentCorrelator Replica() => CorrelatorReplicas.Create(_store.Services, Clock, Options);

    internal Task<CorrelationOutcome> ApplyAsync(Alert alert) => Correlator.ApplyAsync(alert, CancellationToken.None);

    /// <summary>Applies and marks done, as the consumer does after publishing.</summary>
    internal async Task<CorrelationOutcome> DeliverAsync(Alert alert)
    {
        var outcome = await Correlator.ApplyAsync(alert, CancellationToken.None);
        await Correlator.CompleteAsync(alert, outcome, CancellationToken.None);
        return outcome;
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string incidentId) =>
        await Incidents.GetTimelineAsync(incidentId, 0, 10_000);

    public async Task<IReadOnlyList<Incident>> AllIncidentsAsync() =>
        (await Incidents.ListAsync(new IncidentQuery { PageSize = 500 })).Items;

    public async ValueTask DisposeAsync() => await _store.DisposeAsync();
}
