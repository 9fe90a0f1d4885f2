namespace IncidentPlatform.Store;

/// <summary>Append-only logs of JSON entries (audit chains, delivery logs), read by position.</summary>
public interface IAppendLog
{
    /// <summary>Appends an entry; returns its position (0-based).</summary>
    Task<long> AppendAsync(string stream, string entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends only if the log has exactly <paramref name="expectedLength"/> entries (compare-and-append, for hash
    /// chains with several writers); returns the entry's position, or null when another writer got there first.
    /// </summary>
    Task<long?> TryAppendAsync(string stream, string entry, long expectedLength, CancellationToken cancellationToken = default);

    /// <summary>Entries from position <paramref name="start"/>, at most <paramref name="count"/>; empty past the end.</summary>
    Task<IReadOnlyList<string>> ReadAsync(string stream, long start, int count, CancellationToken cancellationToken = default);

    /// <summary>The number of entries (0 for a stream never appended to).</summary>
    Task<long> LengthAsync(string stream, CancellationToken cancellationToken = default);
}
