namespace IncidentPlatform.Redis;

/// <summary>String commands: GET, SET, INCRBY.</summary>
public static class RedisStringCommands
{
    /// <summary><c>GET key</c>: the value, or <see cref="RedisValue.Null"/> when the key does not exist.</summary>
    public static ValueTask<RedisValue> GetAsync(this RedisConnection connection, RedisArgument key, CancellationToken cancellationToken = default) =>
        connection.ExecuteAsync("GET", [key], cancellationToken);

    /// <summary>
    /// <c>SET key value [NX|XX] [PX ms]</c>: whether the value was written (false when <paramref name="condition"/>
    /// did not hold).
    /// </summary>
    public static ValueTask<bool> SetAsync(
        this RedisConnection connection,
        RedisArgument key,
        RedisArgument value,
        TimeSpan? expiry = null,
        SetCondition condition = SetCondition.Always,
        CancellationToken cancellationToken = default)
    {
        using var arguments = SetArguments(key, value, expiry, condition, get: false);
        return connection.Execute<bool>(ReplyShape.NotNull, "SET", arguments.Span, cancellationToken: cancellationToken); // OK, or null
    }

    /// <summary>
    /// <c>SET key value [NX|XX] [PX ms] GET</c>: writes (when <paramref name="condition"/> holds) and returns the previous
    /// value, or <see cref="RedisValue.Null"/> when there was none.
    /// </summary>
    public static ValueTask<RedisValue> SetAndGetAsync(
        this RedisConnection connection,
        RedisArgument key,
        RedisArgument value,
        TimeSpan? expiry = null,
        SetCondition condition = SetCondition.Always,
        CancellationToken cancellationToken = default)
    {
        using var arguments = SetArguments(key, value, expiry, condition, get: true);
        return connection.Execute("SET", arguments.Span, default, default, cancellationToken);
    }

    /// <summary><c>INCRBY key increment</c>: the value after the increment (a missing key counts as 0).</summary>
    public static ValueTask<long> IncrementByAsync(this RedisConnection connection, RedisArgument key, long increment = 1, CancellationToken cancellationToken = default) =>
        connection.Execute<long>(ReplyShape.Int64, "INCRBY", [key, increment], cancellationToken: cancellationToken);

    private static ArgumentList SetArguments(RedisArgument key, RedisArgument value, TimeSpan? expiry, SetCondition condition, bool get)
    {
        var arguments = new ArgumentList(6);
        arguments.Add(key);
        arguments.Add(value);
        if (condition != SetCondition.Always)
        {
            arguments.Add(condition == SetCondition.IfNotExists ? "NX" : "XX");
        }

        if (expiry is { } ttl)
        {
            arguments.Add("PX");
            arguments.Add(Milliseconds(ttl));
        }

        if (get)
        {
            arguments.Add("GET");
        }

        return arguments;
    }

    internal static long Milliseconds(TimeSpan ttl) =>
        ttl > TimeSpan.Zero
            ? Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds))
            : throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "An expiry must be positive.");
}
