namespace IncidentPlatform.Redis;

/// <summary>List commands: RPUSH, LRANGE, LLEN.</summary>
public static class RedisListCommands
{
    /// <summary><c>RPUSH key value…</c>: the length of the list afterwards.</summary>
    public static ValueTask<long> ListRightPushAsync(this RedisConnection connection, RedisArgument key, ReadOnlySpan<RedisArgument> values, CancellationToken cancellationToken = default) =>
        connection.Execute<long>(ReplyShape.Int64, "RPUSH", [key], values, cancellationToken: cancellationToken);

    /// <summary><c>LRANGE key start stop</c>: the elements from <paramref name="start"/> to <paramref name="stop"/> inclusive (negative counts from the end).</summary>
    public static ValueTask<RedisValue[]> ListRangeAsync(this RedisConnection connection, RedisArgument key, long start = 0, long stop = -1, CancellationToken cancellationToken = default) =>
        Replies.Array(connection.ExecuteAsync("LRANGE", [key, start, stop], cancellationToken));

    /// <summary><c>LLEN key</c>: the length of the list (0 when it does not exist).</summary>
    public static ValueTask<long> ListLengthAsync(this RedisConnection connection, RedisArgument key, CancellationToken cancellationToken = default) =>
        connection.Execute<long>(ReplyShape.Int64, "LLEN", [key], cancellationToken: cancellationToken);
}
