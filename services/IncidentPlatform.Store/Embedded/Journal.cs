using Microsoft.Win32.SafeHandles;

namespace IncidentPlatform.Store.Embedded;

/// <summary>
/// The append-only journal with group commit. Callers append records (under the store's lock, so the journal order is
/// the order of the state changes) and then wait, without any lock, for <see cref="WhenDurable"/>. One writer thread
/// takes everything appended since its last write as one frame, writes it and fsyncs once: however many callers wait,
/// each fsync makes a whole batch of them durable.
/// </summary>
internal sealed class Journal : IDisposable
{
    private readonly object _gate = new();
    private readonly DataDirectory _directory;
    private readonly Action<long> _written;
    private readonly Queue<Batch> _sealed = new();
    private readonly Thread _writer;
    private Batch _pending = new();
    private Batch? _newestSealed;
    private SafeFileHandle _file;
    private long _length;
    private long _generation;
    private long _lastLsn;
    private long _durableLsn;
    private Exception? _fault;
    private bool _closing;

    /// <param name="directory">The data directory.</param>
    /// <param name="generation">The generation of <paramref name="file"/>.</param>
    /// <param name="file">The open journal, valid up to <paramref name="length"/>.</param>
    /// <param name="length">Where the next frame goes.</param>
    /// <param name="written">Called on the writer thread after each write, with the journal's length.</param>
    public Journal(DataDirectory directory, long generation, SafeFileHandle file, long length, Action<long> written)
    {
        _directory = directory;
        _generation = generation;
        _file = file;
        _length = length;
        _written = written;
        _writer = new Thread(Run) { IsBackground = true, Name = "IncidentPlatform journal writer" };
        _writer.Start();
    }

    /// <summary>The generation being written.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The bytes in the journal being written.</summary>
    public long Length => Interlocked.Read(ref _length);

    /// <summary>Why the journal stopped, or null while it works.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>Creates the journal file of a generation with its header, durably (file and directory entry).</summary>
    public static SafeFileHandle CreateFile(DataDirectory directory, long generation)
    {
        var file = File.OpenHandle(directory.JournalPath(generation), FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            RandomAccess.Write(file, FileFormat.EncodeFileHeader(FileFormat.JournalMagic, generation), 0);
            RandomAccess.FlushToDisk(file);
            directory.Sync();
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Queues a record for the next write.</summary>
    /// <exception cref="IOException">The journal has failed.</exception>
    public void Append(ReadOnlySpan<byte> record)
    {
        lock (_gate)
        {
            ThrowIfFaulted();
            _pending.Frame.Add(record);
            _pending.LastLsn = ++_lastLsn;
            if (_pending.Frame.Records == 1)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    /// <summary>Completes when every record appended so far is on disk; faults when the journal fails.</summary>
    public Task WhenDurable()
    {
        lock (_gate)
        {
            if (_fault is not null)
            {
                return Task.FromException(Failed());
            }

            if (_durableLsn >= _lastLsn)
            {
                return Task.CompletedTask;
            }

            // The newest record is in the pending batch, or else in the newest batch taken from it.
            return (_pending.Frame.Records > 0 ? _pending : _newestSealed!).Completion.Task;
        }
    }

    /// <summary>
    /// Ends the current generation after the records appended so far and continues in a new file; returns the new
    /// generation once its file exists durably.
    /// </summary>
    public Task<long> RotateAsync()
    {
        lock (_gate)
        {
            ThrowIfFaulted();
            var batch = _pending;
            batch.Rotation = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (batch.Frame.Records == 0)
            {
                batch.LastLsn = _lastLsn;
            }
            else
            {
                _newestSealed = batch;
            }

            _sealed.Enqueue(batch);
            _pending = new Batch();
            Monitor.Pulse(_gate);
            return batch.Rotation.Task;
        }
    }

    /// <summary>Writes what is queued, stops the writer and closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _closing = true;
            Monitor.Pulse(_gate);
        }

        _writer.Join();
        _file.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            Batch batch;
            lock (_gate)
            {
                while (!TryTake(out batch))
                {
                    if (_closing)
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }
            }

            try
            {
                Write(batch);
            }
            catch (Exception ex)
            {
                Fail(ex, batch);
                return;
            }
        }
    }

    private bool TryTake(out Batch batch)
    {
        if (_sealed.TryDequeue(out batch!))
        {
            return true;
        }

        if (_pending.Frame.Records == 0)
        {
            return false;
        }

        batch = _pending;
        _newestSealed = batch;
        _pending = new Batch();
        return true;
    }

    private void Write(Batch batch)
    {
        if (batch.Frame.Records > 0)
        {
            var frame = batch.Frame.Seal();
            RandomAccess.Write(_file, frame.Span, _length);
            RandomAccess.FlushToDisk(_file);
            Interlocked.Add(ref _length, frame.Length);
        }

        var generation = batch.Rotation is null ? 0 : StartNextGeneration();
        lock (_gate)
        {
            _durableLsn = Math.Max(_durableLsn, batch.LastLsn);
        }

        batch.Completion.TrySetResult();
        batch.Rotation?.TrySetResult(generation);
        _written(Length);
    }

    private long StartNextGeneration()
    {
        var next = _generation + 1;
        var file = CreateFile(_directory, next);
        var previous = _file;
        _file = file;
        Interlocked.Exchange(ref _length, FileFormat.FileHeaderSize);
        Interlocked.Exchange(ref _generation, next);
        previous.Dispose();
        return next;
    }

    private void Fail(Exception error, Batch current)
    {
        List<Batch> failed = [current];
        lock (_gate)
        {
            Volatile.Write(ref _fault, error);
            failed.AddRange(_sealed);
            failed.Add(_pending);
            _sealed.Clear();
        }

        foreach (var batch in failed)
        {
            batch.Completion.TrySetException(Failed());
            batch.Rotation?.TrySetException(Failed());
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fault is not null)
        {
            throw Failed();
        }
    }

    private IOException Failed() => new("The journal could not be written; the store has stopped taking changes.", _fault);

    private sealed class Batch
    {
        public FrameBuilder Frame { get; } = new();

        public long LastLsn { get; set; }

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<long>? Rotation { get; set; }
    }
}
