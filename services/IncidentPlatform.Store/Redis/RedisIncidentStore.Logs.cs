namespace IncidentPlatform.Store.Redis;

/// <summary>Append-only logs: one list each.</summary>
internal sealed partial class RedisIncidentStore
{
    public async Task<long> AppendAsync(string stream, string entry, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentNullException.ThrowIfNull(entry);
        return await Within(Database(cancellationToken).ListRightPushAsync(_keys.Log(stream), entry), cancellationToken) - 1;
    }

    public async Task<long?> TryAppendAsync(
        string stream, string entry, long expectedLength, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentNullException.ThrowIfNull(entry);
        var position = (long)await EvalAsync(KeyScripts.TryAppend, [_keys.Log(stream)], [expectedLength, entry], cancellationToken);
        return position < 0 ? null : position;
    }

    public async Task<IReadOnlyList<string>> ReadAsync(
        string stream, long start, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var entries = await RangeAsync(_keys.Log(stream), start, count, cancellationToken);
        return [.. entries.Select(e => (string)e!)];
    }

    public Task<long> LengthAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Within(Database(cancellationToken).ListLengthAsync(_keys.Log(stream)), cancellationToken);
    }
}
