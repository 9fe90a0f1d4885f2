namespace IncidentPlatform.Store.Redis;

/// <summary>
/// A time as the Redis store keeps it: Unix milliseconds (a sorted-set score, exact in a double for every
/// <see cref="DateTimeOffset"/>) and the ticks within that millisecond (0–9999), so filters and the purge compare
/// exactly while the indexes order by the millisecond.
/// </summary>
internal readonly record struct RedisTime(long Milliseconds, long SubTicks)
{
    private const long UnixEpochMilliseconds = 62_135_596_800_000; // DateTimeOffset.UnixEpoch.UtcTicks / 10_000

    public static RedisTime Of(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new RedisTime((ticks / TimeSpan.TicksPerMillisecond) - UnixEpochMilliseconds, ticks % TimeSpan.TicksPerMillisecond);
    }
}
