using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace IncidentPlatform.Bench.Crash;

/// <summary>
/// What a crash left: acknowledged writes that are gone (through the store's interfaces), and scripts the server
/// applied in part (through the Redis store's key layout, <c>ip:</c>): an incident without its index entries or its
/// fingerprint, an index entry without its incident, an alert id recorded without its alert, a document without its
/// place in the collection's order or the other way round.
/// </summary>
internal static class CrashCheck
{
    public static async Task<int> LostAsync(IServiceProvider stores, CrashWriters writers)
    {
        var incidents = stores.GetRequiredService<IIncidentStore>();
        var documents = stores.GetRequiredService<IDocumentStore>();
        var log = stores.GetRequiredService<IAppendLog>();
        var lost = 0;
        foreach (var id in writers.Incidents)
        {
            lost += await incidents.GetAsync(id) is null ? 1 : 0;
        }

        foreach (var id in writers.Documents)
        {
            lost += await documents.GetAsync(CrashWriters.Collection, id) is null ? 1 : 0;
        }

        foreach (var (position, entry) in writers.Entries)
        {
            lost += (await log.ReadAsync(CrashWriters.Stream, position, 1)) is [var found] && found == entry ? 0 : 1;
        }

        var alerts = (await incidents.GetAlertsAsync(writers.SharedId, int.MaxValue)).Select(a => a.Id).ToHashSet();
        lost += writers.Alerts.Count(a => !alerts.Contains(a));
        var shared = await incidents.GetAsync(writers.SharedId);
        return lost + (shared is null || shared.AlertCount < writers.HighestCount ? 1 : 0);
    }

    public static async Task<int> HalfAppliedAsync(IConnectionMultiplexer redis, string sharedId)
    {
        var db = redis.GetDatabase();
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var hashes = new HashSet<string>();
        await foreach (var key in server.KeysAsync(pattern: "ip:inc:{*}", pageSize: 1000))
        {
            var name = (string)key!;
            if (name.EndsWith('}'))
            {
                hashes.Add(name["ip:inc:{".Length..^1]);
            }
        }

        var all = (await db.SortedSetRangeByRankAsync("ip:idx:all")).Select(v => (string)v!).ToHashSet();
        var open = (await db.SortedSetRangeByRankAsync("ip:idx:status:Open")).Select(v => (string)v!).ToHashSet();
        var broken = all.Count(id => !hashes.Contains(id)) + hashes.Count(id => !all.Contains(id) || !open.Contains(id));
        foreach (var id in hashes)
        {
            var fingerprint = await db.HashGetAsync($"ip:inc:{{{id}}}", "fp");
            broken += fingerprint.IsNull || (string?)await db.HashGetAsync("ip:fingerprints", fingerprint) != id ? 1 : 0;
        }

        var alertIds = await db.SetMembersAsync($"ip:inc:{{{sharedId}}}:alert-ids");
        var alertCount = await db.ListLengthAsync($"ip:inc:{{{sharedId}}}:alerts");
        broken += (int)Math.Abs(alertIds.Length - alertCount);

        var collection = $"{{{CrashWriters.Collection.Length}:{CrashWriters.Collection}}}";
        var ordered = (await db.SortedSetRangeByRankAsync($"ip:docs:{collection}")).Select(v => (string)v!).ToHashSet();
        var stored = new HashSet<string>();
        await foreach (var key in server.KeysAsync(pattern: $"ip:doc:{collection}:*", pageSize: 1000))
        {
            stored.Add(((string)key!)[$"ip:doc:{collection}:".Length..]);
        }

        return broken + ordered.Count(id => !stored.Contains(id)) + stored.Count(id => !ordered.Contains(id));
    }
}
