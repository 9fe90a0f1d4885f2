using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Redis;

/// <summary>
/// One socket to the server, shared by all callers. A caller encodes its command into the pending buffer and queues
/// its <see cref="PendingCommand"/> under one lock, so the order of bytes on the wire is the order of the in-flight
/// queue; a single writer loop sends whatever has accumulated in one write (batching under load); the reader loop
/// parses replies with <see cref="RespParser"/> and completes the queue's head for each. Once failed (socket closed,
/// protocol error, disposal) it stays failed: every in-flight command fails and the owner connects a new one.
/// </summary>
internal sealed partial class PhysicalConnection : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly InFlightQueue _inFlight = new();
    private readonly WriteSignal _writeSignal = new();
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly ILogger _logger;
    private readonly Action<PhysicalConnection, Exception> _onFailed;
    private CommandBuffer _pending = new();
    private CommandBuffer _writing = new();
    private bool _writerSignalled;
    private int _disposed;
    private Exception? _failure;
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;

    private PhysicalConnection(Socket socket, Stream stream, string endPoint, ILogger logger, Action<PhysicalConnection, Exception> onFailed)
    {
        _onFailed = onFailed;
        _socket = socket;
        _stream = stream;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        EndPoint = endPoint;
        _logger = logger;
    }

    /// <summary>The server's endpoint, for messages.</summary>
    public string EndPoint { get; }

    /// <summary>Whether the connection has failed or been disposed (it never recovers).</summary>
    public bool IsFailed => Volatile.Read(ref _failure) is not null;

    /// <summary>
    /// Queues the command (the arguments are encoded before this returns, so spans may be reused at once) and returns
    /// its pending reply; or null, with the reason in <paramref name="failure"/>, when it was not sent.
    /// </summary>
    public PendingCommand? Send(
        string command,
        ReadOnlySpan<RedisArgument> first,
        ReadOnlySpan<RedisArgument> second,
        ReadOnlySpan<RedisArgument> third,
        ReplyShape shape,
        CancellationToken cancellationToken,
        out Exception? failure)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            failure = new OperationCanceledException(cancellationToken);
            return null;
        }

        PendingCommand pending;
        bool signal;
        lock (_lock)
        {
            if (_failure is not null)
            {
                failure = new RedisConnectionException(
                    $"The connection to {EndPoint} was lost ({_failure.Message}); {command} was not sent.", _failure);
                return null;
            }

            RespWriter.WriteCommand(_pending, command, first, second, third);
            pending = PendingCommand.Rent(command, shape);
            _inFlight.Enqueue(pending);
            signal = !_writerSignalled;
            _writerSignalled = true;
        }

        if (signal)
        {
            _writeSignal.Set();
        }

        pending.RegisterCancellation(cancellationToken);
        failure = null;
        return pending;
    }

    /// <summary>Fails the commands that have waited longer than <paramref name="timeout"/>; they stay queued for their replies.</summary>
    public void FailTimedOut(TimeSpan timeout)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            for (var i = 0; i < _inFlight.Count; i++)
            {
                var pending = _inFlight[i];
                if (pending.IsCompleted)
                {
                    continue; // cancelled or timed out already, still owed a reply
                }

                if (Stopwatch.GetElapsedTime(pending.QueuedAt, now) < timeout)
                {
                    break; // the rest were queued later
                }

                pending.TrySetException(new RedisTimeoutException(
                    $"Timed out after {timeout.TotalMilliseconds:0} ms waiting for the reply to {pending.Command} from {EndPoint} " +
                    $"({_inFlight.Count} commands in flight). The command was sent and may still run."));
            }
        }
    }

    /// <summary>Closes the connection; in-flight commands fail with <see cref="RedisConnectionException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Fail(new ObjectDisposedException(nameof(RedisConnection), $"The connection to {EndPoint} was closed."));
        await Task.WhenAll(_readLoop, _writeLoop).ConfigureAwait(false);
        await _reader.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        _pending.Release();
        _writing.Release();
    }

    private void Start()
    {
        _readLoop = Task.Run(ReadLoopAsync);
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (true)
            {
                await _writeSignal.WaitAsync().ConfigureAwait(false);
                while (true)
                {
                    lock (_lock)
                    {
                        if (_failure is not null)
                        {
                            return;
                        }

                        if (_pending.WrittenCount == 0)
                        {
                            _writerSignalled = false;
                            break;
                        }

                        (_pending, _writing) = (_writing, _pending);
                    }

                    await _stream.WriteAsync(_writing.WrittenMemory).ConfigureAwait(false);
                    _writing.Reset();
                }
            }
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception cause;
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                var consumed = CompleteReplies(buffer);
                _reader.AdvanceTo(consumed, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    cause = new IOException($"{EndPoint} closed the connection.");
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            cause = ex;
        }

        Fail(cause);
    }

    private SequencePosition CompleteReplies(in ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (RespParser.TryRead(ref reader, out var reply))
        {
            PendingCommand? pending;
            lock (_lock)
            {
                pending = _inFlight.Dequeue();
            }

            if (pending is null)
            {
                throw new RedisProtocolException("A reply arrived with no command waiting for it.");
            }

            if (reply.Kind == RedisValueKind.Error)
            {
                pending.TrySetException(new RedisServerException(reply.ToString()!));
            }
            else
            {
                pending.TrySetResult(reply);
            }

            pending.ReleaseFromQueue();
        }

        return reader.Position;
    }

    private void Fail(Exception cause)
    {
        PendingCommand?[] lost;
        lock (_lock)
        {
            if (_failure is not null)
            {
                return;
            }

            Volatile.Write(ref _failure, cause);
            lost = new PendingCommand?[_inFlight.Count];
            for (var i = 0; i < lost.Length; i++)
            {
                lost[i] = _inFlight.Dequeue();
            }
        }

        if (cause is not ObjectDisposedException)
        {
            RedisLog.ConnectionLost(_logger, EndPoint, lost.Length, cause);
        }

        // Before failing the callers: whoever sees the failure already sees the owner reconnecting.
        _onFailed(this, cause);

        foreach (var pending in lost)
        {
            pending!.TrySetException(new RedisConnectionException(
                $"The connection to {EndPoint} was lost with {pending.Command} in flight ({cause.Message}); " +
                "it may or may not have run.",
                cause));
            pending.ReleaseFromQueue();
        }

        _writeSignal.Set(); // wakes the writer loop to see the failure
        _socket.Dispose(); // unblocks the reader loop
    }
}
