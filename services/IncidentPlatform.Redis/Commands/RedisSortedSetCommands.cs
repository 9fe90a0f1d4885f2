namespace IncidentPlatform.Redis;

/// <summary>Sorted-set commands: ZADD, ZREM, ZRANGE (by rank or BYSCORE, REV, LIMIT, WITHSCORES), ZCARD, ZSCORE.</summary>
public static class RedisSortedSetCommands
{
    /// <summary><c>ZADD key score member</c>: whether the member is new (its score is updated either way).</summary>
    public static ValueTask<bool> SortedSetAddAsync(this RedisConnection connection, RedisArgument key, RedisArgument member, double score, CancellationToken cancellationToken = default) =>
        connection.Execute<bool>(ReplyShape.IsOne, "ZADD", [key, score, member], cancellationToken: cancellationToken);

    /// <summary><c>ZADD key score member [score member …]</c>: how many members are new.</summary>
    public static ValueTask<long> SortedSetAddAsync(
        this RedisConnection connection,
        RedisArgument key,
        ReadOnlySpan<(RedisArgument Member, double Score)> members,
        CancellationToken cancellationToken = default)
    {
        using var arguments = new ArgumentList(1 + (2 * members.Length));
        arguments.Add(key);
        foreach (var (member, score) in members)
        {
            arguments.Add(score);
            arguments.Add(member);
        }

        return connection.Execute<long>(ReplyShape.Int64, "ZADD", arguments.Span, cancellationToken: cancellationToken);
    }

    /// <summary><c>ZREM key member…</c>: how many members were removed.</summary>
    public static ValueTask<long> SortedSetRemoveAsync(this RedisConnection connection, RedisArgument key, ReadOnlySpan<RedisArgument> members, CancellationToken cancellationToken = default) =>
        connection.Execute<long>(ReplyShape.Int64, "ZREM", [key], members, cancellationToken: cancellationToken);

    /// <summary><c>ZRANGE key start stop [REV]</c>: members by rank, inclusive (negative counts from the end).</summary>
    public static ValueTask<RedisValue[]> SortedSetRangeAsync(
        this RedisConnection connection,
        RedisArgument key,
        long start = 0,
        long stop = -1,
        bool reverse = false,
        CancellationToken cancellationToken = default) =>
        Replies.Array(reverse
            ? connection.ExecuteAsync("ZRANGE", [key, start, stop, "REV"], cancellationToken)
            : connection.ExecuteAsync("ZRANGE", [key, start, stop], cancellationToken));

    /// <summary>
    /// <c>ZRANGE key min max BYSCORE [REV] [LIMIT skip take]</c>: members with <paramref name="min"/> ≤ score ≤
    /// <paramref name="max"/> (infinities allowed), lowest first or, with <paramref name="reverse"/>, highest first.
    /// </summary>
    public static ValueTask<RedisValue[]> SortedSetRangeByScoreAsync(
        this RedisConnection connection,
        RedisArgument key,
        double min = double.NegativeInfinity,
        double max = double.PositiveInfinity,
        bool reverse = false,
        long skip = 0,
        long take = -1,
        CancellationToken cancellationToken = default) =>
        Replies.Array(RangeByScore(connection, key, min, max, reverse, skip, take, withScores: false, cancellationToken));

    /// <summary>As <see cref="SortedSetRangeByScoreAsync"/>, with each member's score (<c>WITHSCORES</c>).</summary>
    public static ValueTask<SortedSetEntry[]> SortedSetRangeByScoreWithScoresAsync(
        this RedisConnection connection,
        RedisArgument key,
        double min = double.NegativeInfinity,
        double max = double.PositiveInfinity,
        bool reverse = false,
        long skip = 0,
        long take = -1,
        CancellationToken cancellationToken = default) =>
        Replies.Entries(RangeByScore(connection, key, min, max, reverse, skip, take, withScores: true, cancellationToken));

    /// <summary><c>ZCARD key</c>: how many members the set has.</summary>
    public static ValueTask<long> SortedSetLengthAsync(this RedisConnection connection, RedisArgument key, CancellationToken cancellationToken = default) =>
        connection.Execute<long>(ReplyShape.Int64, "ZCARD", [key], cancellationToken: cancellationToken);

    /// <summary><c>ZSCORE key member</c>: the member's score, or null when it is not in the set.</summary>
    public static ValueTask<double?> SortedSetScoreAsync(this RedisConnection connection, RedisArgument key, RedisArgument member, CancellationToken cancellationToken = default) =>
        Replies.NullableDouble(connection.ExecuteAsync("ZSCORE", [key, member], cancellationToken));

    private static ValueTask<RedisValue> RangeByScore(
        RedisConnection connection,
        RedisArgument key,
        double min,
        double max,
        bool reverse,
        long skip,
        long take,
        bool withScores,
        CancellationToken cancellationToken)
    {
        using var arguments = new ArgumentList(9);
        arguments.Add(key);
        arguments.Add(reverse ? max : min); // with REV, Redis takes the range from high to low
        arguments.Add(reverse ? min : max);
        arguments.Add("BYSCORE");
        if (reverse)
        {
            arguments.Add("REV");
        }

        if (skip != 0 || take >= 0)
        {
            arguments.Add("LIMIT");
            arguments.Add(skip);
            arguments.Add(take);
        }

        if (withScores)
        {
            arguments.Add("WITHSCORES");
        }

        return connection.ExecuteAsync("ZRANGE", arguments.Span, cancellationToken);
    }
}
