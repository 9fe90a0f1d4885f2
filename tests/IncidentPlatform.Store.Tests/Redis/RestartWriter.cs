using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store.Redis;
using IncidentPlatform.Store.Tests.Contract;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>
/// One writer of the restart test: in turn opens an incident for a new fingerprint, records an alert, updates its own
/// incident (one label per step) and appends to its own log, and remembers every write that was acknowledged. A write
/// that fails (Redis down, reply lost, still loading) is counted and left: it may or may not have happened.
/// </summary>
internal sealed class RestartWriter(int number, RedisIncidentStore store)
{
    private int _acknowledged;
    private int _failures;

    public string IncidentId { get; private set; } = "";

    public string Stream => $"restart-{number}";

    public List<string> Opened { get; } = [];

    public List<string> Alerts { get; } = [];

    public List<string> Steps { get; } = [];

    public List<(long Position, string Entry)> Entries { get; } = [];

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public int Failures => Volatile.Read(ref _failures);

    public async Task OpenAsync()
    {
        var incident = TestData.Incident(fingerprint: $"restart-{number}");
        IncidentId = (await store.FindOrOpenAsync(incident.Fingerprint, incident)).Incident.Id;
    }

    public async Task RunAsync(CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                await WriteAsync(n);
                Interlocked.Increment(ref _acknowledged);
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
            {
                Interlocked.Increment(ref _failures);
                await Task.Delay(10, CancellationToken.None);
            }
        }
    }

    private async Task WriteAsync(int n)
    {
        var step = $"w{number}-{n}";
        switch (n % 4)
        {
            case 0:
                var candidate = TestData.Incident(fingerprint: "fp-" + step);
                (await store.FindOrOpenAsync(candidate.Fingerprint, candidate)).Opened.ShouldBeTrue();
                Opened.Add(candidate.Id);
                break;
            case 1:
                (await store.AddAlertAsync(IncidentId, TestData.Alert("alert-" + step))).ShouldBeTrue();
                Alerts.Add("alert-" + step);
                break;
            case 2:
                (await store.UpdateAsync(IncidentId, i => i with
                {
                    Labels = new Dictionary<string, string>(i.Labels) { [step] = n.ToString(CultureInfo.InvariantCulture) },
                })).ShouldNotBeNull();
                Steps.Add(step);
                break;
            default:
                Entries.Add((await store.AppendAsync(Stream, step), step));
                break;
        }
    }

    /// <summary>Asserts that every acknowledged write is in the store, and that nothing was applied twice.</summary>
    public async Task VerifyAsync()
    {
        foreach (var id in Opened)
        {
            var incident = (await store.GetAsync(id)).ShouldNotBeNull($"acknowledged incident {id} is missing");
            var again = await store.FindOrOpenAsync(incident.Fingerprint, TestData.Incident(fingerprint: incident.Fingerprint));
            again.Opened.ShouldBeFalse();
            again.Incident.Id.ShouldBe(id);
        }

        var alerts = (await store.GetAlertsAsync(IncidentId, 100_000)).Select(a => a.Id).ToList();
        alerts.ShouldBeUnique();
        foreach (var alert in Alerts)
        {
            alerts.ShouldContain(alert);
        }

        // Each applied update added exactly one label: the version counts them (an unacknowledged one may be there too).
        var own = (await store.GetAsync(IncidentId)).ShouldNotBeNull();
        var labels = own.Labels.Keys.Where(k => k.StartsWith($"w{number}-", StringComparison.Ordinal)).ToList();
        own.Version.ShouldBe(1 + labels.Count);
        Steps.ShouldBeSubsetOf(labels);

        var log = await store.ReadAsync(Stream, 0, 100_000);
        log.ShouldBeUnique();
        foreach (var (position, entry) in Entries)
        {
            log[(int)position].ShouldBe(entry);
        }
    }
}
