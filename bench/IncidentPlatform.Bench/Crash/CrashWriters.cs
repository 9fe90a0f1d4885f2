using System.Collections.Concurrent;
using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace IncidentPlatform.Bench.Crash;

/// <summary>
/// Sixteen writers through the store's interfaces, as fast as they can, each remembering the writes the store
/// acknowledged: incidents opened (the open script: the incident, its indexes, the fingerprint map), documents put
/// (the document script), log entries appended (RPUSH), alerts recorded on one shared incident and versioned updates
/// of it (the alert and update scripts). A call that fails (the server gone) is left: it may or may not have happened.
/// </summary>
internal sealed class CrashWriters(IServiceProvider stores, string run)
{
    public const string Collection = "crash";
    public const string Stream = "crash-log";

    private readonly IIncidentStore _incidents = stores.GetRequiredService<IIncidentStore>();
    private readonly IDocumentStore _documents = stores.GetRequiredService<IDocumentStore>();
    private readonly IAppendLog _log = stores.GetRequiredService<IAppendLog>();
    private int _next;

    public string SharedId => $"inc-{run}-shared";

    public ConcurrentQueue<string> Incidents { get; } = new();

    public ConcurrentQueue<string> Documents { get; } = new();

    public ConcurrentQueue<(long Position, string Entry)> Entries { get; } = new();

    public ConcurrentQueue<string> Alerts { get; } = new();

    public long HighestCount;

    public int Acknowledged => Incidents.Count + Documents.Count + Entries.Count + Alerts.Count + (int)Volatile.Read(ref HighestCount);

    public async Task OpenSharedAsync()
    {
        var shared = NewIncident(SharedId);
        await _incidents.FindOrOpenAsync(shared.Fingerprint, shared);
    }

    /// <summary>Writes until <paramref name="stop"/> fires.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await WriteAsync(Interlocked.Increment(ref _next));
                }
                catch (Exception ex) when (ex is RedisException or RedisTimeoutException or KeyNotFoundException)
                {
                    await Task.Delay(20, CancellationToken.None);
                }
            }
        })));

    private async Task WriteAsync(int i)
    {
        var n = $"{run}-{i.ToString(CultureInfo.InvariantCulture)}";
        switch (i % 5)
        {
            case 0:
                var incident = NewIncident("inc-" + n);
                await _incidents.FindOrOpenAsync(incident.Fingerprint, incident);
                Incidents.Enqueue(incident.Id);
                break;
            case 1:
                await _documents.TryPutAsync(Collection, "doc-" + n, $$"""{"n":"{{n}}"}""", 0);
                Documents.Enqueue("doc-" + n);
                break;
            case 2:
                Entries.Enqueue((await _log.AppendAsync(Stream, "entry-" + n), "entry-" + n));
                break;
            case 3:
                var updated = await _incidents.UpdateAsync(SharedId, s => s with { AlertCount = s.AlertCount + 1 });
                InterlockedMax(ref HighestCount, updated!.AlertCount);
                break;
            default:
                await _incidents.AddAlertAsync(SharedId, new Alert
                {
                    Id = "alert-" + n, Source = "crash", Title = "alert " + n, Message = "m", Severity = Severity.Low,
                    Timestamp = DateTimeOffset.UtcNow,
                });
                Alerts.Enqueue("alert-" + n);
                break;
        }
    }

    private Incident NewIncident(string id) => new()
    {
        Id = id,
        Fingerprint = "fp-" + id,
        Title = "title of " + id,
        Service = "svc-" + (id.Length % 7).ToString(CultureInfo.InvariantCulture),
        Severity = Severity.High,
        Status = IncidentStatus.Open,
        Source = "crash",
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
