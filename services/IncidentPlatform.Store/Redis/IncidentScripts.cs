namespace IncidentPlatform.Store.Redis;

/// <summary>
/// The Lua scripts that change an incident: each runs atomically on the server, so a version check, the document,
/// every index and the fingerprint map change together or not at all.
/// <para>KEYS of <see cref="Open"/>, <see cref="Update"/> and <see cref="Delete"/>: 1 the incident hash, 2 its alerts,
/// 3 its alert ids, 4 its timeline, 5 the fingerprint map, 6 <c>idx:all</c>, 7 <c>idx:resolved</c>. The status,
/// service and severity index keys depend on the stored state, so the scripts derive them from the index prefix they
/// are given (fine on a standalone Redis; a Cluster would need every key declared, see <see cref="RedisKeys"/>).</para>
/// </summary>
internal static class IncidentScripts
{
    /// <summary>
    /// Removing an incident from its indexes (given its stored status, service and severity), releasing a fingerprint
    /// it holds, and storing one as <see cref="IncidentFields"/> lays out its arguments (ARGV 1 index prefix, 3 id,
    /// 4 JSON, 5 version, 6 fingerprint, 7 status, 8–9 service and whether there is one, 10 severity, 11–12 updated
    /// ms and sub-ms ticks, 13 resolved?, 14–15 resolved ms and sub-ms ticks, 16–18 upper-cased title, service, id).
    /// </summary>
    private const string Common = """
        local function unindex(ix, id, status, service, severity)
          redis.call('ZREM', KEYS[6], id)
          redis.call('ZREM', KEYS[7], id)
          redis.call('ZREM', ix .. 'status:' .. status, id)
          if service then redis.call('ZREM', ix .. 'service:' .. service, id) end
          for n = 1, tonumber(severity) do redis.call('ZREM', ix .. 'severity:' .. n, id) end
        end

        local function release(id, fingerprint)
          if redis.call('HGET', KEYS[5], fingerprint) == id then redis.call('HDEL', KEYS[5], fingerprint) end
        end

        local function put()
          local a = ARGV
          local ix, id, score = a[1], a[3], a[11]
          redis.call('DEL', KEYS[1])
          redis.call('HSET', KEYS[1], 'json', a[4], 'ver', a[5], 'fp', a[6], 'st', a[7], 'sev', a[10],
            'ums', a[11], 'usub', a[12], 'xt', a[16], 'xi', a[18])
          redis.call('ZADD', KEYS[6], score, id)
          redis.call('ZADD', ix .. 'status:' .. a[7], score, id)
          if a[9] == '1' then
            redis.call('HSET', KEYS[1], 'svc', a[8], 'xs', a[17])
            redis.call('ZADD', ix .. 'service:' .. a[8], score, id)
          end
          for n = 1, tonumber(a[10]) do redis.call('ZADD', ix .. 'severity:' .. n, score, id) end
          if a[13] == '1' then
            redis.call('HSET', KEYS[1], 'rms', a[14], 'rsub', a[15])
            redis.call('ZADD', KEYS[7], a[14], id)
          else
            -- An unresolved incident holds its fingerprint unless another unresolved incident already does.
            redis.call('HSETNX', KEYS[5], a[6], id)
          end
        end

        """;

    /// <summary>
    /// Find or open: returns <c>{0, json}</c> of the incident holding the fingerprint (ARGV 6), <c>{-1}</c> when the
    /// fingerprint is free but the candidate's id is taken, or <c>{1}</c> after storing the candidate. ARGV 2 is the
    /// incident key prefix, to read the holder.
    /// </summary>
    public const string Open = Common + """
        local holder = redis.call('HGET', KEYS[5], ARGV[6])
        if holder then
          local json = redis.call('HGET', ARGV[2] .. holder .. '}', 'json')
          if json then return {0, json} end
          redis.call('HDEL', KEYS[5], ARGV[6]) -- never left dangling by these scripts; heal it if it ever is
        end
        if redis.call('EXISTS', KEYS[1]) == 1 then return {-1} end
        put()
        return {1}
        """;

    /// <summary>
    /// Compare-and-set: stores the incident when the stored version equals ARGV 19 (the new version is ARGV 5),
    /// moving it between indexes and releasing its old fingerprint when it is resolved or its fingerprint changes.
    /// Returns 1 when stored, 0 on a version mismatch, -1 when the incident does not exist.
    /// </summary>
    public const string Update = Common + """
        local current = redis.call('HMGET', KEYS[1], 'ver', 'fp', 'st', 'svc', 'sev')
        if not current[1] then return -1 end
        if tonumber(current[1]) ~= tonumber(ARGV[19]) then return 0 end
        unindex(ARGV[1], ARGV[3], current[3], current[4], current[5])
        if current[2] ~= ARGV[6] or ARGV[13] == '1' then release(ARGV[3], current[2]) end
        put()
        return 1
        """;

    /// <summary>
    /// Deletes the incident (ARGV 1 index prefix, 2 id) with everything it owns here; with ARGV 3 = 1, only when it is
    /// resolved before ARGV 4 (ms) / ARGV 5 (sub-ms ticks), for the purge. Returns 1 when deleted, else 0.
    /// </summary>
    public const string Delete = Common + """
        local current = redis.call('HMGET', KEYS[1], 'ver', 'fp', 'st', 'svc', 'sev', 'rms', 'rsub')
        if not current[1] then return 0 end
        if ARGV[3] == '1' then
          if not current[6] then return 0 end
          local ms, before = tonumber(current[6]), tonumber(ARGV[4])
          if ms > before or (ms == before and tonumber(current[7]) >= tonumber(ARGV[5])) then return 0 end
        end
        unindex(ARGV[1], ARGV[2], current[3], current[4], current[5])
        release(ARGV[2], current[2])
        redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
        return 1
        """;

    /// <summary>
    /// Records an alert (KEYS 1 incident, 2 alerts, 3 alert ids; ARGV 1 alert id, 2 JSON, 3 limit): 1 when recorded,
    /// 0 when that id was recorded before, -1 when the incident does not exist.
    /// </summary>
    public const string AddAlert = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
        if redis.call('SADD', KEYS[3], ARGV[1]) == 0 then return 0 end
        redis.call('LPUSH', KEYS[2], ARGV[2])
        redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
        return 1
        """;

    /// <summary>Appends to the timeline (KEYS 1 incident, 2 timeline; ARGV 1 JSON): 1, or -1 when the incident does not exist.</summary>
    public const string AppendTimeline = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
        redis.call('RPUSH', KEYS[2], ARGV[1])
        return 1
        """;
}
