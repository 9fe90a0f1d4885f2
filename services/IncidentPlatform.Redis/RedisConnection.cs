using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPlatform.Redis;

/// <summary>
/// A multiplexed, pipelined connection to one Redis server, meant to be shared by the whole process (a singleton):
/// any number of concurrent callers share one socket, their commands are sent in batches and their replies matched
/// in order. Reconnects by itself with backoff; while disconnected, commands fail fast with
/// <see cref="RedisConnectionException"/>. Thread-safe.
/// </summary>
/// <remarks>
/// Typed helpers (<c>GetAsync</c>, <c>SetAsync</c>, <c>HashSetAsync</c>, <c>EvalAsync</c>…) are extension methods over
/// <see cref="ExecuteAsync(string, ReadOnlySpan{RedisArgument}, CancellationToken)"/>. A command is never re-sent
/// on its own: one that fails in flight may or may not have run, and the caller decides whether to retry.
/// Commands that would break sharing (MULTI/EXEC, SUBSCRIBE, SELECT…) are refused with
/// <see cref="NotSupportedException"/>. A blocking command (BLPOP, XREAD BLOCK) holds up every caller queued behind
/// it until it returns: keep them off the shared connection.
/// </remarks>
public sealed partial class RedisConnection : IAsyncDisposable
{
    private readonly RedisOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Timer? _timeouts;
    private readonly Lock _statusLock = new();
    private PhysicalConnection? _physical;
    private RedisConnectionStatus _status;

    private RedisConnection(RedisOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _status = new RedisConnectionStatus(RedisConnectionState.Reconnecting, options.EndPoint, 1, null, DateTimeOffset.UtcNow);
        if (options.CommandTimeout != Timeout.InfiniteTimeSpan)
        {
            var period = TimeSpan.FromMilliseconds(Math.Clamp(options.CommandTimeout.TotalMilliseconds / 4, 10, 500));
            _timeouts = new Timer(static state => ((RedisConnection)state!).FailTimedOut(), this, period, period);
        }
    }

    /// <summary>The options this connection was made with (a copy: changing it has no effect).</summary>
    public RedisOptions Options => _options.Clone();

    /// <summary>Whether commands are being sent now.</summary>
    public bool IsConnected => Volatile.Read(ref _physical) is { IsFailed: false };

    /// <summary>The current state, endpoint, reconnect attempt and last error: what a health check reports.</summary>
    public RedisConnectionStatus Status => Volatile.Read(ref _status);

    /// <summary>
    /// Raised whenever <see cref="Status"/> changes, synchronously on the thread that changed it (the connection's
    /// reader when the socket drops): keep handlers short and non-blocking.
    /// </summary>
    public event EventHandler<RedisConnectionStatus>? StatusChanged;

    /// <summary>Parses <paramref name="connectionString"/> (see <see cref="RedisOptions.Parse"/>) and connects.</summary>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    /// <exception cref="RedisConnectionException">The first attempt failed and <c>abortConnect</c> is not false.</exception>
    public static Task<RedisConnection> ConnectAsync(string connectionString, ILogger? logger = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(RedisOptions.Parse(connectionString), logger, cancellationToken);

    /// <summary>
    /// Connects (TCP, TLS, AUTH, CLIENT SETNAME, SELECT). When the first attempt fails this throws, unless
    /// <see cref="RedisOptions.AbortOnConnectFail"/> is false: then it returns a connection that keeps trying.
    /// </summary>
    /// <exception cref="ArgumentException">The options are inconsistent (a user without a password, a bad port…).</exception>
    /// <exception cref="RedisConnectionException">The first attempt failed and <see cref="RedisOptions.AbortOnConnectFail"/> is true.</exception>
    public static async Task<RedisConnection> ConnectAsync(RedisOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Clone();
        options.Validate();
        var connection = new RedisConnection(options, logger ?? NullLogger.Instance);
        try
        {
            var physical = await PhysicalConnection.ConnectAsync(options, connection._logger, connection.OnFailed, cancellationToken).ConfigureAwait(false);
            connection.Publish(physical, attempts: 0);
        }
        catch (RedisConnectionException ex) when (!options.AbortOnConnectFail)
        {
            connection.StartReconnecting(ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return connection;
    }

    /// <summary>Sends a command (<c>ExecuteAsync("SET", key, value)</c>) and returns its reply.</summary>
    /// <exception cref="NotSupportedException">The command would break the shared connection (MULTI, SUBSCRIBE, SELECT…).</exception>
    /// <exception cref="RedisServerException">The server answered with an error (the connection stays usable).</exception>
    /// <exception cref="RedisConnectionException">Not connected, or the connection was lost before the reply came.</exception>
    /// <exception cref="RedisTimeoutException">No reply within <see cref="RedisOptions.CommandTimeout"/>.</exception>
    public ValueTask<RedisValue> ExecuteAsync(string command, params ReadOnlySpan<RedisArgument> arguments) =>
        Execute(command, arguments, default, default, CancellationToken.None);

    /// <summary>
    /// Sends a command and returns its reply. The arguments are encoded before this returns. Cancelling
    /// <paramref name="cancellationToken"/> completes the task as cancelled; the command was already sent, and its
    /// reply is read and discarded, so the connection stays in sync.
    /// </summary>
    /// <exception cref="NotSupportedException">The command would break the shared connection (MULTI, SUBSCRIBE, SELECT…).</exception>
    /// <exception cref="RedisServerException">The server answered with an error (the connection stays usable).</exception>
    /// <exception cref="RedisConnectionException">Not connected, or the connection was lost before the reply came.</exception>
    /// <exception cref="RedisTimeoutException">No reply within <see cref="RedisOptions.CommandTimeout"/>.</exception>
    public ValueTask<RedisValue> ExecuteAsync(string command, ReadOnlySpan<RedisArgument> arguments, CancellationToken cancellationToken) =>
        Execute(command, arguments, default, default, cancellationToken);

    /// <summary>Sends <c>PING</c> and returns the round-trip time.</summary>
    /// <exception cref="RedisException">Not connected, timed out, or the server did not answer PONG.</exception>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = await ExecuteAsync("PING", [], cancellationToken).ConfigureAwait(false);
        if (!reply.Memory.Span.SequenceEqual("PONG"u8))
        {
            throw new RedisProtocolException($"PING was answered with '{reply}' instead of PONG.");
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Closes the connection and stops reconnecting; in-flight commands fail with <see cref="RedisConnectionException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        if (_timeouts is not null)
        {
            await _timeouts.DisposeAsync().ConfigureAwait(false);
        }

        SetStatus(RedisConnectionState.Disposed, 0, null);
        await _reconnecting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (Interlocked.Exchange(ref _physical, null) is { } physical)
        {
            await physical.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The three-part form used by the helpers (EVALSHA's keys and args), encoded in one go.</summary>
    internal ValueTask<RedisValue> Execute(
        string command,
        ReadOnlySpan<RedisArgument> first,
        ReadOnlySpan<RedisArgument> second,
        ReadOnlySpan<RedisArgument> third,
        CancellationToken cancellationToken) =>
        Execute<RedisValue>(ReplyShape.Value, command, first, second, third, cancellationToken);

    /// <summary>
    /// Sends a command and returns its reply read as <paramref name="shape"/> says (<typeparamref name="T"/> is
    /// <see cref="RedisValue"/>, <see cref="long"/> or <see cref="bool"/> to match): the typed helpers' integers and
    /// yes/no answers come straight from the pooled command, with no wrapper task.
    /// </summary>
    internal ValueTask<T> Execute<T>(
        ReplyShape shape,
        string command,
        ReadOnlySpan<RedisArgument> first,
        ReadOnlySpan<RedisArgument> second = default,
        ReadOnlySpan<RedisArgument> third = default,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        UnsupportedCommands.ThrowIfUnsupported(command);
        Validate(first);
        Validate(second);
        Validate(third);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        Exception? failure;
        if (Volatile.Read(ref _physical) is { } physical)
        {
            if (physical.Send(command, first, second, third, shape, cancellationToken, out failure) is { } pending)
            {
                return pending.As<T>();
            }
        }
        else
        {
            var status = Status;
            failure = new RedisConnectionException($"{status.Description}; {command} was not sent.", status.LastError);
        }

        return PendingCommand.Failed<T>(failure!, cancellationToken);
    }

    private static void Validate(ReadOnlySpan<RedisArgument> arguments)
    {
        foreach (ref readonly var argument in arguments)
        {
            if (argument.IsEmpty)
            {
                throw new ArgumentException("A default(RedisArgument) cannot be sent; give a string, bytes or a number.", nameof(arguments));
            }
        }
    }

    private void FailTimedOut() => Volatile.Read(ref _physical)?.FailTimedOut(_options.CommandTimeout);
}
