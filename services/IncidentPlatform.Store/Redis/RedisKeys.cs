using System.Globalization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// The Redis store's key layout, every key under one prefix (<c>ip:</c> in production). The parts a caller names
/// (ids, keys, streams) come last or are length-prefixed, so two different names never map to one key.
/// <code>
/// {p}inc:{ID}                  hash: json, ver, fp, st, svc, sev, ums, usub, rms, rsub, xt, xs, xi (IncidentFields)
/// {p}inc:{ID}:alerts           list: alert JSON, newest recorded first, trimmed to the alert limit
/// {p}inc:{ID}:alert-ids        set: every alert id ever recorded for the incident (de-duplication)
/// {p}inc:{ID}:timeline         list: timeline entry JSON, oldest first
/// {p}fingerprints              hash: fingerprint → id of the unresolved incident holding it
/// {p}idx:all                   zset: incident id → UpdatedAt (Unix ms)
/// {p}idx:status:{Status}       zset: the same, per status
/// {p}idx:service:{service}     zset: the same, per service (incidents without one are in none)
/// {p}idx:severity:{n}          zset: the same, for incidents of severity n or worse (n ≥ 1)
/// {p}idx:resolved              zset: resolved incident id → ResolvedAt ?? UpdatedAt (Unix ms), for the purge
/// {p}doc:{N:C}:{id}            hash: json, ver, owner, seq (N = length of collection C)
/// {p}docs:{N:C}                zset: id → seq (creation order of the collection)
/// {p}doc-owner:{N:C}:{owner}   zset: id → seq, the collection's documents of one owner
/// {p}doc-seq:{N:C}             string: the collection's creation counter
/// {p}log:{stream}  {p}claim:{key}  {p}cache:{key}  {p}counter:{key}  {p}lease:{name}  {p}checkpoint:{name}
/// </code>
/// The braces are Redis Cluster hash tags: an incident's own keys share a slot, and so do a collection's. The incident
/// scripts also touch the global indexes and the fingerprint map, so the store needs a standalone Redis (or a
/// primary with replicas), not a Cluster: see the README.
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>What the incident scripts prepend to an id to get its hash key (they find holders by id).</summary>
    public string IncidentPrefix => Prefix + "inc:{";

    /// <summary>What the scripts prepend to <c>status:Open</c>, <c>service:x</c>, <c>severity:3</c>.</summary>
    public string IndexPrefix => Prefix + "idx:";

    public string Fingerprints => Prefix + "fingerprints";

    public string All => Prefix + "idx:all";

    public string Resolved => Prefix + "idx:resolved";

    public string Incident(string id) => IncidentPrefix + id + "}";

    public string Alerts(string id) => IncidentPrefix + id + "}:alerts";

    public string AlertIds(string id) => IncidentPrefix + id + "}:alert-ids";

    public string Timeline(string id) => IncidentPrefix + id + "}:timeline";

    public string Status(IncidentStatus status) => IndexPrefix + "status:" + status;

    public string Service(string service) => IndexPrefix + "service:" + service;

    public string Severity(int atLeast) => IndexPrefix + "severity:" + atLeast.ToString(CultureInfo.InvariantCulture);

    public string Document(string collection, string id) => Prefix + "doc:" + Collection(collection) + ":" + id;

    public string Documents(string collection) => Prefix + "docs:" + Collection(collection);

    /// <summary>What the document scripts append an owner to.</summary>
    public string DocumentOwnerPrefix(string collection) => Prefix + "doc-owner:" + Collection(collection) + ":";

    public string DocumentSequence(string collection) => Prefix + "doc-seq:" + Collection(collection);

    public string Log(string stream) => Prefix + "log:" + stream;

    public string Claim(string key) => Prefix + "claim:" + key;

    public string Cache(string key) => Prefix + "cache:" + key;

    public string Counter(string key) => Prefix + "counter:" + key;

    public string Lease(string name) => Prefix + "lease:" + name;

    public string Checkpoint(string name) => Prefix + "checkpoint:" + name;

    private static string Collection(string collection) =>
        "{" + collection.Length.ToString(CultureInfo.InvariantCulture) + ":" + collection + "}";
}
