using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using IncidentPlatform.Store.Embedded;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: IncidentPlatform.Store.CrashWriter <data directory>
// Writes to the embedded store from several tasks as fast as it can and prints one line per acknowledged write, ending
// with ';' (a line cut by the kill has none). The crash test kills it with SIGKILL and checks every printed write.
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: IncidentPlatform.Store.CrashWriter <data directory>");
    return 2;
}

var settings = new EmbeddedStoreSettings(args[0]) { MaxAlertsPerIncident = 1_000_000, CompactionThresholdBytes = 256 * 1024 };
var store = EmbeddedStore.Open(settings, TimeProvider.System, NullLogger.Instance);
var at = DateTimeOffset.UtcNow;
await store.FindOrOpenAsync("fp-shared", CrashIncident.Create("inc-shared", "fp-shared", at));
Console.WriteLine("ready;");

var next = 0;
var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var i = Interlocked.Increment(ref next);
        var n = i.ToString(CultureInfo.InvariantCulture);
        switch (i % 5)
        {
            case 0:
                await store.FindOrOpenAsync("fp-" + n, CrashIncident.Create("inc-" + n, "fp-" + n, at));
                Console.WriteLine($"incident inc-{n};");
                break;
            case 1:
                await store.TryPutAsync("crash", "doc-" + n, $"{{\"n\":{n}}}", 0);
                Console.WriteLine($"document doc-{n};");
                break;
            case 2:
                var position = await store.AppendAsync("crash-log", "entry-" + n);
                Console.WriteLine($"log {position} entry-{n};");
                break;
            case 3:
                var updated = await store.UpdateAsync("inc-shared", CrashIncident.Increment);
                Console.WriteLine($"counter {updated!.Labels["count"]};");
                break;
            default:
                await store.AddAlertAsync("inc-shared", CrashIncident.Alert("alert-" + n, at));
                Console.WriteLine($"alert alert-{n};");
                break;
        }
    }
})).ToArray();
await Task.WhenAll(workers);
return 0;

/// <summary>The records the crash writer writes.</summary>
internal static class CrashIncident
{
    public static Incident Create(string id, string fingerprint, DateTimeOffset at) => new()
    {
        Id = id,
        Fingerprint = fingerprint,
        Title = "title of " + id,
        Severity = Severity.High,
        Status = IncidentStatus.Open,
        Source = "crash-writer",
        CreatedAt = at,
        UpdatedAt = at,
        Labels = new Dictionary<string, string> { ["count"] = "0" },
    };

    public static Incident Increment(Incident incident)
    {
        var count = long.Parse(incident.Labels["count"], CultureInfo.InvariantCulture) + 1;
        return incident with
        {
            Labels = new Dictionary<string, string> { ["count"] = count.ToString(CultureInfo.InvariantCulture) },
        };
    }

    public static Alert Alert(string id, DateTimeOffset at) => new()
    {
        Id = id,
        Source = "crash-writer",
        Title = "alert " + id,
        Message = "written by the crash writer",
        Severity = Severity.Low,
        Timestamp = at,
    };
}
