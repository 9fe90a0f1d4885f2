using System.Collections.Frozen;

namespace IncidentPlatform.Redis;

/// <summary>
/// Commands that would corrupt a connection shared by many callers: they change the state every caller sees, or
/// break the one-reply-per-command order replies are matched by. Refused before anything is sent.
/// </summary>
internal static class UnsupportedCommands
{
    private static readonly FrozenDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["MULTI"] = Interleaved,
        ["EXEC"] = Interleaved,
        ["DISCARD"] = Interleaved,
        ["WATCH"] = Interleaved,
        ["UNWATCH"] = Interleaved,
        ["SUBSCRIBE"] = PubSub,
        ["PSUBSCRIBE"] = PubSub,
        ["SSUBSCRIBE"] = PubSub,
        ["UNSUBSCRIBE"] = PubSub,
        ["PUNSUBSCRIBE"] = PubSub,
        ["SUNSUBSCRIBE"] = PubSub,
        ["MONITOR"] = PubSub,
        ["SELECT"] = "it would switch the database of every caller; set RedisOptions.Database (defaultDatabase=) instead",
        ["HELLO"] = "this client speaks RESP2 only",
        ["RESET"] = "it would drop the connection's authentication and database for every caller",
        ["QUIT"] = "dispose the RedisConnection instead",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private const string Interleaved =
        "other callers' commands would interleave with the transaction; use a Lua script (RedisScript) for atomic changes";

    private const string PubSub = "it turns the connection into a push channel, so replies no longer match commands";

    /// <exception cref="NotSupportedException"><paramref name="command"/> is one of them.</exception>
    public static void ThrowIfUnsupported(string command)
    {
        if (Reasons.TryGetValue(command, out var reason))
        {
            throw new NotSupportedException($"{command.ToUpperInvariant()} is not supported on the shared, multiplexed connection: {reason}.");
        }
    }
}
