using System.Runtime.CompilerServices;

namespace IncidentPlatform.Redis;

/// <summary>Key commands: DEL, EXISTS, PEXPIRE, SCAN, FLUSHDB.</summary>
public static class RedisKeyCommands
{
    /// <summary><c>DEL key…</c>: how many of the keys existed and were removed.</summary>
    public static ValueTask<long> DeleteAsync(this RedisConnection connection, ReadOnlySpan<RedisArgument> keys, CancellationToken cancellationToken = default) =>
        connection.Execute<long>(ReplyShape.Int64, "DEL", keys, cancellationToken: cancellationToken);

    /// <summary><c>EXISTS key…</c>: how many of the keys exist (a key named twice counts twice).</summary>
    public static ValueTask<long> ExistsAsync(this RedisConnection connection, ReadOnlySpan<RedisArgument> keys, CancellationToken cancellationToken = default) =>
        connection.Execute<long>(ReplyShape.Int64, "EXISTS", keys, cancellationToken: cancellationToken);

    /// <summary><c>PEXPIRE key ms</c>: whether the key exists and now expires after <paramref name="ttl"/> (millisecond precision).</summary>
    public static ValueTask<bool> ExpireAsync(this RedisConnection connection, RedisArgument key, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        connection.Execute<bool>(ReplyShape.IsOne, "PEXPIRE", [key, RedisStringCommands.Milliseconds(ttl)], cancellationToken: cancellationToken);

    /// <summary><c>FLUSHDB</c>: removes every key of the selected database (tests).</summary>
    public static ValueTask FlushDatabaseAsync(this RedisConnection connection, CancellationToken cancellationToken = default) =>
        Replies.Ok(connection.ExecuteAsync("FLUSHDB", [], cancellationToken));

    /// <summary>
    /// Every key matching <paramref name="pattern"/> (all when null), by repeated <c>SCAN cursor [MATCH p] COUNT n</c>.
    /// As SCAN guarantees: a key present throughout is returned at least once (possibly more).
    /// </summary>
    public static async IAsyncEnumerable<RedisValue> ScanAsync(
        this RedisConnection connection,
        string? pattern = null,
        int pageSize = 100,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var cursor = 0L;
        do
        {
            var page = await (pattern is null
                ? connection.ExecuteAsync("SCAN", [cursor, "COUNT", pageSize], cancellationToken)
                : connection.ExecuteAsync("SCAN", [cursor, "MATCH", pattern, "COUNT", pageSize], cancellationToken)).ConfigureAwait(false);
            cursor = page[0].ToInt64();
            foreach (var key in page[1].Items.ToArray())
            {
                yield return key;
            }
        }
        while (cursor != 0);
    }
}
