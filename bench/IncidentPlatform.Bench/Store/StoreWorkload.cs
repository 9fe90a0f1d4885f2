using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Tests.Infrastructure;
using IncidentPlatform.Store;

namespace IncidentPlatform.Bench.Store;

/// <summary>
/// What the services do to the store most: an alert correlated into its incident by the detector's own
/// <see cref="IncidentCorrelator"/> (its fingerprint's route, find or open, count it with a version-checked update,
/// record the alert and its progress, a timeline entry when it opens or escalates), reading one incident (gateway,
/// analysis), and listing pages (gateway, MCP).
/// </summary>
internal sealed class StoreWorkload(IIncidentStore store, IServiceProvider stores, StoreBenchmarkSettings settings)
{
    private const int Services = 10;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly IncidentCorrelator _correlator = CorrelatorReplicas.Create(stores, TimeProvider.System);
    private string[] _incidentIds = [];

    /// <summary>Opens every fingerprint's incident (one alert each), then runs a few thousand more to warm up.</summary>
    public async Task WarmUpAsync()
    {
        _incidentIds = new string[settings.Fingerprints];
        await LoadResult.MeasureAsync(settings.Callers, settings.Fingerprints, async i =>
            _incidentIds[i] = await CorrelateAsync(i, "warm-" + i));
        await AlertsAsync(Math.Min(settings.Alerts, 5_000), "warm2-");
        await GetsAsync(Math.Min(settings.Gets, 5_000));
        await ListsAsync(Math.Min(settings.Lists, 1_000));
        await SearchesAsync(Math.Min(settings.Lists, 500));
    }

    public Task<LoadResult> AlertsAsync(int count, string prefix = "alert-") =>
        LoadResult.MeasureAsync(settings.Callers, count, i => CorrelateAsync(Random.Shared.Next(settings.Fingerprints), prefix + i));

    public Task<LoadResult> GetsAsync(int count) =>
        LoadResult.MeasureAsync(settings.Callers, count, async _ =>
        {
            if (await store.GetAsync(_incidentIds[Random.Shared.Next(_incidentIds.Length)]) is null)
            {
                throw new InvalidOperationException("An incident of the warm-up is missing.");
            }
        });

    /// <summary>First pages of 50, filtered by status and service (index filters).</summary>
    public Task<LoadResult> ListsAsync(int count) =>
        PagesAsync(count, () => new IncidentQuery { Status = IncidentStatus.Open, Service = Service(Random.Shared.Next(Services)) });

    /// <summary>First pages of 50 of a text search matching one incident in ten (a scan of the time index).</summary>
    public Task<LoadResult> SearchesAsync(int count) =>
        PagesAsync(count, () => new IncidentQuery { Text = Service(Random.Shared.Next(Services)).ToUpperInvariant() });

    private Task<LoadResult> PagesAsync(int count, Func<IncidentQuery> query) =>
        LoadResult.MeasureAsync(settings.Callers, count, async _ =>
        {
            var page = await store.ListAsync(query() with { PageSize = 50 });
            if (page.Items.Count == 0)
            {
                throw new InvalidOperationException("A page came back empty.");
            }
        });

    /// <summary>One alert for fingerprint number <paramref name="fingerprint"/>, through the detector's correlator; returns its incident's id.</summary>
    private async Task<string> CorrelateAsync(int fingerprint, string alertId)
    {
        var alert = new Alert
        {
            Id = $"{_run}-{alertId}",
            Fingerprint = $"fp-{_run}-{fingerprint:D5}",
            Source = "bench",
            Service = Service(fingerprint % Services),
            Title = $"Error rate above 5% on {Service(fingerprint % Services)}",
            Message = "5xx responses: 7.2% over 5 minutes",
            Severity = (Severity)(fingerprint % 5),
            Timestamp = DateTimeOffset.UtcNow,
        };
        return (await _correlator.ApplyAsync(alert, CancellationToken.None)).Incident!.Id;
    }

    private static string Service(int number) => $"svc-{number}";
}
