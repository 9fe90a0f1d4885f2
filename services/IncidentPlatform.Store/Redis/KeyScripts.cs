namespace IncidentPlatform.Store.Redis;

/// <summary>The scripts of the documents, logs and small key spaces (each touches keys of one slot).</summary>
internal static class KeyScripts
{
    /// <summary>
    /// Document compare-and-set (KEYS 1 document, 2 collection order, 3 collection counter; ARGV 1 owner index prefix,
    /// 2 id, 3 JSON, 4 expected version, 5 owner given?, 6 owner): the new version, or -1 on a version mismatch. A new
    /// document takes the next creation number; an owner given replaces the stored one (and its owner index entry).
    /// </summary>
    public const string PutDocument = """
        local current = redis.call('HMGET', KEYS[1], 'ver', 'owner', 'seq')
        local version = tonumber(current[1] or '0')
        if version ~= tonumber(ARGV[4]) then return -1 end
        local id, owner, seq = ARGV[2], current[2], current[3]
        if not current[1] then
          seq = redis.call('INCR', KEYS[3])
          redis.call('ZADD', KEYS[2], seq, id)
        end
        if ARGV[5] == '1' and ARGV[6] ~= owner then
          if owner then redis.call('ZREM', ARGV[1] .. owner, id) end
          owner = ARGV[6]
          redis.call('ZADD', ARGV[1] .. owner, seq, id)
        end
        redis.call('HSET', KEYS[1], 'json', ARGV[3], 'ver', version + 1, 'seq', seq)
        if owner then redis.call('HSET', KEYS[1], 'owner', owner) end
        return version + 1
        """;

    /// <summary>Deletes a document (KEYS 1 document, 2 collection order; ARGV 1 owner index prefix, 2 id): 1, or 0 when absent.</summary>
    public const string DeleteDocument = """
        local current = redis.call('HMGET', KEYS[1], 'ver', 'owner')
        if not current[1] then return 0 end
        redis.call('ZREM', KEYS[2], ARGV[2])
        if current[2] then redis.call('ZREM', ARGV[1] .. current[2], ARGV[2]) end
        redis.call('DEL', KEYS[1])
        return 1
        """;

    /// <summary>
    /// The documents of an order index (KEYS 1: a collection's or an owner's; ARGV 1 document key prefix, 2 limit),
    /// oldest first: <c>{id, json, version, owner or false, …}</c>.
    /// </summary>
    public const string ListDocuments = """
        local result = {}
        for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1)) do
          local d = redis.call('HMGET', ARGV[1] .. id, 'json', 'ver', 'owner')
          if d[1] then
            result[#result + 1] = id
            result[#result + 1] = d[1]
            result[#result + 1] = d[2]
            result[#result + 1] = d[3] or ''
            result[#result + 1] = d[3] and 1 or 0
          end
        end
        return result
        """;

    /// <summary>Compare-and-append (KEYS 1 log; ARGV 1 expected length, 2 entry): the entry's position, or -1.</summary>
    public const string TryAppend = """
        if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return -1 end
        return redis.call('RPUSH', KEYS[1], ARGV[2]) - 1
        """;

    /// <summary>A fixed-window counter (KEYS 1; ARGV 1 increment, 2 window ms): the first increment sets the expiry.</summary>
    public const string Increment = """
        local value = redis.call('INCRBY', KEYS[1], ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2], 'NX')
        return value
        """;

    /// <summary>Takes or renews a lease (KEYS 1; ARGV 1 owner, 2 ttl ms): 1, or 0 when another owner holds it.</summary>
    public const string AcquireLease = """
        local holder = redis.call('GET', KEYS[1])
        if holder and holder ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    /// <summary>Releases a lease held by ARGV 1 (KEYS 1).</summary>
    public const string ReleaseLease = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
        return 0
        """;
}
