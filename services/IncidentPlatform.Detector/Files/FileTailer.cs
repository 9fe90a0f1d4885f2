using System.Text.RegularExpressions;
using IncidentPlatform.Detector.Logs;
using IncidentPlatform.Store;

namespace IncidentPlatform.Detector.Files;

/// <summary>
/// Tails the files one glob matches. Each poll finds the files (a new one is read from its start; one that no longer
/// matches — rotated away by a rename — is read to its end for a grace period, through its still-open handle, then
/// closed), reads what was appended (a file that shrank was truncated in place and is read again from the start),
/// and joins lines into records. Offsets are stored per file identity (device + inode, with a hash of the first bytes
/// against reused inodes) and only up to the last complete record, so a restart neither skips nor re-reads.
/// <para>Not thread-safe: one loop polls it.</para>
/// </summary>
internal sealed partial class FileTailer(
    string name, FileSourceOptions options, string contentRoot, ICheckpointStore checkpoints, TimeProvider time,
    ILogger logger) : IDisposable
{
    private const long BudgetPerFile = 8L * 1024 * 1024;
    private readonly Dictionary<FileIdentity, TailedFile> _open = [];
    private readonly FileGlob _glob = new(options.Path!, contentRoot);
    private readonly Regex? _recordStart = Compile(options.RecordStart);
    private readonly Regex? _servicePattern = Compile(options.ServicePattern);
    private const int MaxServices = 1000;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly Dictionary<string, string> _services = new(StringComparer.Ordinal);
    private Dictionary<FileIdentity, TailPosition>? _stored;
    private bool _hadCheckpoint;
    private bool _firstScan = true;
    private string? _lastSaved;
    private volatile TailStatus _status = TailStatus.Initial;

    public string Name { get; } = name;

    /// <summary>The log source the records belong to.</summary>
    public string SourceId => $"file:{Name}";

    public FileSourceOptions Options { get; } = options;

    public TailStatus Status => _status;

    public static string CheckpointName(string name) => $"files:{name}";

    /// <summary>Finds the files and reads what is new; the records are complete, in file order.</summary>
    public async Task<TailBatch> PollAsync(CancellationToken cancellationToken)
    {
        if (_stored is null)
        {
            await LoadAsync(cancellationToken);
        }

        var now = time.GetUtcNow();
        var records = new List<LogRecord>();
        var lines = new List<string>();
        var more = false;
        string? error = null;
        try
        {
            error = Scan(now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{_glob.Directory}: {e.Message}";
        }

        foreach (var file in _open.Values.ToList())
        {
            try
            {
                more |= file.Read(_buffer, BudgetPerFile, now, lines);
                file.FlushIfQuiet(now, Options.FlushAfter, lines);
                if (file.OrphanedAt is { } orphaned && now - Max(orphaned, file.LastGrowth) >= Options.RotationGrace)
                {
                    file.Finish(now, lines);
                    Close(file, "it was rotated away or deleted");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"{file.Path}: {e.Message}";
                Close(file, e.Message);
            }

            foreach (var line in lines)
            {
                records.Add(new LogRecord(line, ServiceOf(line)));
            }

            lines.Clear();
        }

        _status = error is null
            ? _status with { LastSuccess = now, Files = [.. _open.Values.Select(f => f.Path)] }
            : _status with { LastErrorAt = now, LastError = error, Files = [.. _open.Values.Select(f => f.Path)] };
        if (error is not null)
        {
            logger.LogWarning("Tailing {Source} failed: {Error}", SourceId, error);
        }

        return new TailBatch(records, more);
    }

    /// <summary>Stores the offsets of the records returned so far (call once they have been processed).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var checkpoint = new TailCheckpoint(TailCheckpoint.CurrentFormat, [.. _open.Values
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new TailPosition(f.Identity.Device, f.Identity.Inode, f.Path, f.Committed, f.HeadHash, f.HeadLength))]);
        var json = System.Text.Json.JsonSerializer.Serialize(checkpoint, FilesJsonContext.Default.TailCheckpoint);
        if (json != _lastSaved)
        {
            await checkpoints.SetAsync(CheckpointName(Name), json, cancellationToken);
            _lastSaved = json;
        }
    }

    /// <summary>Records a failure of the loop around this tailer (the store refused a checkpoint…).</summary>
    public void Fail(string error) => _status = _status with { LastErrorAt = time.GetUtcNow(), LastError = error };

    public void Dispose()
    {
        foreach (var file in _open.Values)
        {
            file.Dispose();
        }

        _open.Clear();
    }

    private string ServiceOf(string record)
    {
        if (_servicePattern is not null)
        {
            var newline = record.IndexOf('\n', StringComparison.Ordinal);
            var group = _servicePattern.Match(record, 0, newline < 0 ? record.Length : newline).Groups["service"];
            if (group.Success && group.Length is > 0 and <= 100)
            {
                // One string per service name, not one per record.
                var names = _services.GetAlternateLookup<ReadOnlySpan<char>>();
                if (!names.TryGetValue(group.ValueSpan, out var name) && _services.Count < MaxServices)
                {
                    name = group.Value;
                    _services.Add(name, name);
                }

                return name ?? group.Value;
            }
        }

        return Options.Service ?? "unknown";
    }

    private static Regex? Compile(string? pattern) => string.IsNullOrWhiteSpace(pattern)
        ? null
        : new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(100));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
