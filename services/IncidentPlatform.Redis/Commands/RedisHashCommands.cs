namespace IncidentPlatform.Redis;

/// <summary>Hash commands: HGET, HSET, HDEL, HGETALL.</summary>
public static class RedisHashCommands
{
    /// <summary><c>HGET key field</c>: the value, or <see cref="RedisValue.Null"/>.</summary>
    public static ValueTask<RedisValue> HashGetAsync(this RedisConnection connection, RedisArgument key, RedisArgument field, CancellationToken cancellationToken = default) =>
        connection.ExecuteAsync("HGET", [key, field], cancellationToken);

    /// <summary><c>HSET key field value</c>: whether the field is new.</summary>
    public static ValueTask<bool> HashSetAsync(this RedisConnection connection, RedisArgument key, RedisArgument field, RedisArgument value, CancellationToken cancellationToken = default) =>
        connection.Execute<bool>(ReplyShape.IsOne, "HSET", [key, field, value], cancellationToken: cancellationToken);

    /// <summary><c>HSET key field value [field value …]</c>: how many fields are new.</summary>
    public static ValueTask<long> HashSetAsync(
        this RedisConnection connection,
        RedisArgument key,
        ReadOnlySpan<(RedisArgument Field, RedisArgument Value)> fields,
        CancellationToken cancellationToken = default)
    {
        using var arguments = new ArgumentList(1 + (2 * fields.Length));
        arguments.Add(key);
        foreach (var (field, value) in fields)
        {
            arguments.Add(field);
            arguments.Add(value);
        }

        return connection.Execute<long>(ReplyShape.Int64, "HSET", arguments.Span, cancellationToken: cancellationToken);
    }

    /// <summary><c>HDEL key field…</c>: how many fields were removed.</summary>
    public static ValueTask<long> HashDeleteAsync(this RedisConnection connection, RedisArgument key, ReadOnlySpan<RedisArgument> fields, CancellationToken cancellationToken = default) =>
        connection.Execute<long>(ReplyShape.Int64, "HDEL", [key], fields, cancellationToken: cancellationToken);

    /// <summary><c>HGETALL key</c>: every field (decoded as UTF-8) and its value; empty when the key does not exist.</summary>
    public static async ValueTask<Dictionary<string, RedisValue>> HashGetAllAsync(this RedisConnection connection, RedisArgument key, CancellationToken cancellationToken = default)
    {
        var reply = await connection.ExecuteAsync("HGETALL", [key], cancellationToken).ConfigureAwait(false);
        var items = reply.Items;
        var fields = new Dictionary<string, RedisValue>(items.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < items.Length; i += 2)
        {
            fields[items[i].ToString()!] = items[i + 1];
        }

        return fields;
    }
}
