namespace IncidentPlatform.Redis;

/// <summary>Reply conversions for the typed helpers that build objects (integers and yes/no answers need none: <see cref="ReplyShape"/>).</summary>
internal static class Replies
{
    public static async ValueTask<double?> NullableDouble(ValueTask<RedisValue> reply)
    {
        var value = await reply.ConfigureAwait(false);
        return value.IsNull ? null : value.ToDouble();
    }

    public static async ValueTask<RedisValue[]> Array(ValueTask<RedisValue> reply) =>
        (await reply.ConfigureAwait(false)).Items.ToArray();

    public static async ValueTask Ok(ValueTask<RedisValue> reply)
    {
        var value = await reply.ConfigureAwait(false);
        if (!value.Memory.Span.SequenceEqual("OK"u8))
        {
            throw new RedisProtocolException($"Expected OK, got '{value}'.");
        }
    }

    public static async ValueTask<SortedSetEntry[]> Entries(ValueTask<RedisValue> reply)
    {
        var items = (await reply.ConfigureAwait(false)).Items;
        var entries = new SortedSetEntry[items.Length / 2];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new SortedSetEntry(items[2 * i], items[(2 * i) + 1].ToDouble());
        }

        return entries;
    }
}
