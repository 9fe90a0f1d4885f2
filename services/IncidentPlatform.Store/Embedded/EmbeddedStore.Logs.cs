namespace IncidentPlatform.Store.Embedded;

internal sealed partial class EmbeddedStore
{
    public Task<long> AppendAsync(string stream, string entry, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentNullException.ThrowIfNull(entry);
        return RunAsync(() => AppendLog(stream, entry), cancellationToken);
    }

    public Task<long?> TryAppendAsync(
        string stream, string entry, long expectedLength, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentNullException.ThrowIfNull(entry);
        return RunAsync(() => _state.Log(stream).Count == expectedLength ? AppendLog(stream, entry) : (long?)null,
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> ReadAsync(
        string stream, long start, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return RunAsync<IReadOnlyList<string>>(() => Range(_state.Log(stream), start, count), cancellationToken);
    }

    public Task<long> LengthAsync(string stream, CancellationToken cancellationToken = default) =>
        RunAsync(() => (long)_state.Log(stream).Count, cancellationToken);

    private long AppendLog(string stream, string entry)
    {
        var position = _state.Log(stream).Count;
        Commit(new LogAppended(stream, [entry]));
        return position;
    }
}
