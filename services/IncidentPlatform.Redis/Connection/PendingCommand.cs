using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Tasks.Sources;

namespace IncidentPlatform.Redis;

/// <summary>
/// A command waiting for its reply: the pooled, allocation-free source behind the <see cref="ValueTask{TResult}"/>
/// that <c>ExecuteAsync</c> returns. Completed exactly once (reply, error, cancellation, timeout or connection loss:
/// the first wins). Two owners hold it, the caller (until it has read the result) and the connection's in-flight
/// queue (until the reply has been read off the wire, even when the caller gave up); it returns to the pool when
/// both have let go, so a late reply can never complete a recycled command.
/// </summary>
internal sealed class PendingCommand : IValueTaskSource<RedisValue>, IValueTaskSource<long>, IValueTaskSource<bool>
{
    private const int MaxPooled = 1024;
    private static readonly ConcurrentQueue<PendingCommand> Pool = new();
    private static int _pooled;

    private ManualResetValueTaskSourceCore<RedisValue> _core = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _cancellation;
    private int _completed;
    private int _owners;
    private ReplyShape _shape;

    /// <summary>The command name, for timeout messages.</summary>
    public string Command { get; private set; } = "";

    /// <summary>When the command was queued (<see cref="Stopwatch.GetTimestamp"/>), for timeouts.</summary>
    public long QueuedAt { get; private set; }

    /// <summary>Whether a result has been set (a late reply to such a command is discarded).</summary>
    public bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>A command from the pool (or a new one), owned by the caller and the queue.</summary>
    public static PendingCommand Rent(string command, ReplyShape shape)
    {
        if (!Pool.TryDequeue(out var pending))
        {
            pending = new PendingCommand();
        }
        else
        {
            Interlocked.Decrement(ref _pooled);
        }

        pending.Command = command;
        pending._shape = shape;
        pending.QueuedAt = Stopwatch.GetTimestamp();
        pending._owners = 2;
        return pending;
    }

    /// <summary>
    /// The task the caller awaits: the reply as <see cref="RedisValue"/> (<see cref="ReplyShape.Value"/>),
    /// <see cref="long"/> (<see cref="ReplyShape.Int64"/>) or <see cref="bool"/> (<see cref="ReplyShape.NotNull"/>,
    /// <see cref="ReplyShape.IsOne"/>), converted as it is read: no wrapper task, no allocation.
    /// </summary>
    public ValueTask<T> As<T>() => new((IValueTaskSource<T>)(object)this, _core.Version);

    /// <summary>A command that was not sent: cancelled (as a cancelled task) or failed.</summary>
    public static ValueTask<T> Failed<T>(Exception failure, CancellationToken cancellationToken) =>
        failure is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<T>(cancellationToken)
            : ValueTask.FromException<T>(failure);

    /// <summary>Completes the command with <paramref name="cancellationToken"/>'s cancellation when it fires.</summary>
    public void RegisterCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((PendingCommand)state!).TrySetException(new OperationCanceledException(token)),
                this);
        }
    }

    /// <summary>Sets the reply, unless already completed.</summary>
    public bool TrySetResult(RedisValue value)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        _core.SetResult(value);
        return true;
    }

    /// <summary>Fails the command, unless already completed.</summary>
    public bool TrySetException(Exception exception)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        _core.SetException(exception);
        return true;
    }

    /// <summary>The queue's release: the reply has been read (or the connection is gone).</summary>
    public void ReleaseFromQueue() => Release();

    /// <inheritdoc />
    public RedisValue GetResult(short token)
    {
        // Dispose (not Unregister) waits for a running cancellation callback, so none can touch a recycled command.
        _cancellation.Dispose();
        _cancellation = default;
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            Release();
        }
    }

    /// <inheritdoc />
    long IValueTaskSource<long>.GetResult(short token) => GetResult(token).ToInt64();

    /// <inheritdoc />
    bool IValueTaskSource<bool>.GetResult(short token)
    {
        var shape = _shape; // read before GetResult hands the command back to the pool
        var value = GetResult(token);
        return shape == ReplyShape.IsOne ? value.ToInt64() == 1 : !value.IsNull;
    }

    /// <inheritdoc />
    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    /// <inheritdoc />
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    private void Release()
    {
        if (Interlocked.Decrement(ref _owners) != 0)
        {
            return;
        }

        _core.Reset();
        _completed = 0;
        Command = "";
        if (Interlocked.Increment(ref _pooled) <= MaxPooled)
        {
            Pool.Enqueue(this);
        }
        else
        {
            Interlocked.Decrement(ref _pooled);
        }
    }
}
